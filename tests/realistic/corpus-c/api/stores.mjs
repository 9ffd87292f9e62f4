import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL);

export const credentials = {
  async byEmail(email) {
    const { rows } = await pool.query('select user_id as "userId", salt, hash from credentials where email = $1', [email]);
    return rows[0];
  },
  async ping() {
    await pool.query('select 1');
    return 'ok';
  },
};

export const sessions = {
  async create(token, userId) {
    await redis.set(`session:${token}`, userId, 'EX', 86400);
  },
  async projectFor(authorization, projectId) {
    const token = (authorization ?? '').replace(/^Bearer /, '');
    const userId = await redis.get(`session:${token}`);
    if (!userId) return undefined;
    const { rows } = await pool.query('select * from projects where id = $1 and owner_id = $2', [projectId, userId]);
    return rows[0] && { ...rows[0], exportJson: () => JSON.stringify(rows[0]) };
  },
  async ping() {
    return (await redis.get('ping')) ?? 'ok';
  },
};

export const quotas = {
  async assertExportAllowed(projectId) {
    const used = await redis.incr(`exports:${projectId}`);
    if (used === 1) await redis.expire(`exports:${projectId}`, 3600);
    if (used > 50) throw Object.assign(new Error('export quota exceeded'), { statusCode: 429 });
  },
  async thumbnailsFor(projectId) {
    const { rows } = await pool.query('select url from thumbnails where project_id = $1', [projectId]);
    return rows.map((r) => r.url);
  },
};
