import crypto from 'crypto';
import { promisify } from 'node:util';
import { pool } from '../db/pool.js';

const ITERATIONS = 310_000;
const pbkdf2 = promisify(crypto.pbkdf2);

/** Checks a login attempt against the stored PBKDF2 hash. */
export async function verifyPassword(email, password) {
  const { rows } = await pool.query('SELECT salt, hash FROM credentials WHERE email = $1', [email]);
  const [credentials] = rows;
  if (!credentials) return false;
  // The async pbkdf2 runs on libuv's thread pool: other requests go on meanwhile.
  const attempt = await pbkdf2(password, credentials.salt, ITERATIONS, 32, 'sha256');
  return crypto.timingSafeEqual(attempt, Buffer.from(credentials.hash, 'hex'));
}
