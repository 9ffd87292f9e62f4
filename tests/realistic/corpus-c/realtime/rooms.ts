import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function roomHistory(room: string, limit: number) {
  const { rows } = await pool.query('select * from messages where room = $1 order by id desc limit $2', [room, limit]);
  return rows.reverse();
}

export async function saveMessage(room: string, userId: string, text: string) {
  const { rows } = await pool.query('insert into messages (room, user_id, text) values ($1, $2, $3) returning *', [
    room,
    userId,
    text,
  ]);
  return rows[0];
}
