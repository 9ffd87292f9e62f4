import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const scrypt = promisify(crypto.scrypt);
const generateKeyPair = promisify(crypto.generateKeyPair);

// Ephemeral signing key for local development, generated once at boot.
const devKeys = process.env.NODE_ENV !== 'production' ? crypto.generateKeyPairSync('ed25519') : null;

export async function deriveKey(passphrase, salt) {
  return scrypt(passphrase, salt, 32, { N: 2 ** 15, maxmem: 64 * 1024 * 1024 });
}

export async function deriveLegacyKey(passphrase, salt) {
  // v1 vaults were created with PBKDF2.
  return crypto.pbkdf2Sync(passphrase, salt, 310_000, 32, 'sha256'); // expect: no-blocking-in-async
}

export async function encryptVault(passphrase, plaintext) {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = await deriveKey(passphrase, salt);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    version: 2,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export async function decryptVault(passphrase, vault) {
  const salt = Buffer.from(vault.salt, 'base64');
  const key = vault.version === 1 ? await deriveLegacyKey(passphrase, salt) : await deriveKey(passphrase, salt);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(vault.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(vault.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(vault.data, 'base64')), decipher.final()]).toString('utf8');
}

export async function rotateSigningKey(dir) {
  const { publicKey, privateKey } = await generateKeyPair('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'signing.pub.pem'), publicKey);
  await writeFile(path.join(dir, 'signing.pem'), privateKey, { mode: 0o600 });
  return crypto.createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
}

/** Writes a file of random bytes, used by the storage benchmark. */
export async function writeRandomFile(file, sizeMb = 64) {
  const buf = Buffer.allocUnsafe(sizeMb * 1024 * 1024);
  crypto.randomFillSync(buf); // expect: no-blocking-in-async
  await writeFile(file, buf);
  return buf.length;
}

export function signDev(payload) {
  if (!devKeys) throw new Error('dev signing is disabled in production');
  return crypto.sign(null, Buffer.from(payload), devKeys.privateKey).toString('base64url');
}
