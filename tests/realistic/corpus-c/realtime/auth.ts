import { createPublicKey, verify } from 'node:crypto';

const key = createPublicKey(process.env.WS_PUBLIC_KEY ?? '');

/** Resolves the user id of a signed token `<userId>.<signature>`; rejects on a bad signature. */
export async function verifyToken(token: string): Promise<string> {
  const [userId, signature] = token.split('.');
  if (!userId || !signature) throw new Error('malformed token');
  const ok = verify(null, Buffer.from(userId), key, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('bad signature');
  return userId;
}
