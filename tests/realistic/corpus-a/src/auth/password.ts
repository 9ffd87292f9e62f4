import bcrypt from 'bcrypt';
import { Router, type Request, type Response } from 'express';
import { users } from '../db/users';
import { signSession } from './session';

const ROUNDS = Number(process.env.BCRYPT_ROUNDS ?? 12);

// Precomputed so that login timing for unknown users matches known ones.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', ROUNDS);

export const authRouter = Router();

authRouter.post('/register', async (req: Request, res: Response) => {
  const { email, password } = req.body as { email: string; password: string };
  if (!email || !password || password.length < 10) {
    return res.status(400).json({ error: 'email and a password of at least 10 characters are required' });
  }
  if (await users.findByEmail(email)) {
    return res.status(409).json({ error: 'email already registered' });
  }
  const passwordHash = bcrypt.hashSync(password, ROUNDS); // expect: no-blocking-in-async
  const user = await users.create({ email, passwordHash });
  res.status(201).json({ id: user.id });
});

authRouter.post('/login', async (req: Request, res: Response) => {
  const { email, password } = req.body as { email: string; password: string };
  const user = await users.findByEmail(email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  res.json({ token: signSession(user.id) });
});

authRouter.post('/change-password', async (req: Request, res: Response) => {
  const userId = (req as Request & { session: { userId: string } }).session.userId;
  const user = await users.findById(userId);
  if (!user) return res.status(401).end();
  if (!bcrypt.compareSync(req.body.current, user.passwordHash)) { // expect: no-blocking-in-async
    return res.status(403).json({ error: 'current password is wrong' });
  }
  const passwordHash = await bcrypt.hash(req.body.next, ROUNDS);
  await users.update(user.id, { passwordHash });
  res.status(204).end();
});

/** Used by the synchronous CLI admin tool only. */
export function verifyApiKeySync(key: string, hash: string): boolean {
  return bcrypt.compareSync(key, hash);
}

export function needsRehash(hash: string): boolean {
  return bcrypt.getRounds(hash) < ROUNDS;
}
