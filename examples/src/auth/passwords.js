import crypto from 'crypto';
import { pool } from '../db/pool.js';

const ITERATIONS = 310_000;

/** Checks a login attempt against the stored PBKDF2 hash. */
export async function verifyPassword(email, password) {
  const { rows } = await pool.query('SELECT salt, hash FROM credentials WHERE email = $1', [email]);
  const [credentials] = rows;
  if (!credentials) return false;
  const attempt = crypto.pbkdf2Sync(password, credentials.salt, ITERATIONS, 32, 'sha256'); // ⚠️ async-pitfalls/no-blocking-in-async
  return crypto.timingSafeEqual(attempt, Buffer.from(credentials.hash, 'hex'));
}
