import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export const recipients = {
  async suppressedAmong(addresses: string[]): Promise<Set<string>> {
    const { rows } = await pool.query<{ email: string }>('select email from suppressions where email = any($1)', [addresses]);
    return new Set(rows.map((r) => r.email));
  },

  async profileOf(address: string): Promise<{ firstName: string } | undefined> {
    const { rows } = await pool.query<{ firstName: string }>('select first_name as "firstName" from profiles where email = $1', [address]);
    return rows[0];
  },
};
