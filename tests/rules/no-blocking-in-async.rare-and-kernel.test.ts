import { ruleTester } from '../rule-tester';
import { error, fsError, helperError, IN_EXPORTED, type Invalid, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// Two blocking calls that cost nobody a wait worth a change, and their neighbours that stay reported:
// - a file of the kernel's (`/proc/...`, `/sys/...`, written out): made from memory as it is read;
// - slow cryptography whose result the function saves into a record it creates or updates: a new
//   secret (a sign-up, a password change, a new key), once per person's action. A hash that is
//   compared, or used to look a record up, runs on every sign-in or request.
const BCRYPT = "the promise API ('await bcrypt.hash()', 'compare()', 'genSalt()')";
const PBKDF2 = "'promisify(crypto.pbkdf2)'";
const WHERE_ROUTE = 'inside this async function, which handles requests (.post()) while other requests wait';

const invalid: Invalid[] = [
  // control: a path that only ends in /proc/... lies on a disk
  {
    code: `import { readFileSync } from 'node:fs';
export async function memoryStats(root) {
  const text = readFileSync(\`\${root}/proc/meminfo\`, 'utf8');
  return parse(text);
}`,
    errors: [
      fsError('fs.readFileSync', REPLACEMENT.readFile, 3, 16, [
        twin(
          'readFile',
          `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function memoryStats(root) {
  const text = await readFile(\`\${root}/proc/meminfo\`, 'utf8');
  return parse(text);
}`,
        ),
      ], IN_EXPORTED),
    ],
  },
  // control: a comparison on sign-in, even when the function then updates the record
  {
    code: `import bcrypt from 'bcrypt';
import { prisma } from './db';
export async function signIn(email, password) {
  const account = await prisma.account.findUnique({ where: { email } });
  const matches = bcrypt.compareSync(password, account.password);
  if (matches) await prisma.account.update({ where: { email }, data: { seenAt: new Date() } });
  return matches;
}`,
    errors: [error('blockingCrypto', 'bcrypt.compareSync', BCRYPT, 5, 19, [], IN_EXPORTED)],
  },
  // control: a hash used to look a record up
  {
    code: `import bcrypt from 'bcrypt';
import { prisma } from './db';
export async function lookUp(secret) {
  const hashed = bcrypt.hashSync(secret, 10);
  return prisma.account.findFirst({ where: { secret: hashed } });
}`,
    errors: [error('blockingCrypto', 'bcrypt.hashSync', BCRYPT, 4, 18, [], IN_EXPORTED)],
  },
  // control: a public sign-up route hashes what anyone posts to it, and can be flooded
  {
    code: `import bcrypt from 'bcrypt';
import express from 'express';
import { accounts } from './db';
const app = express();
app.post('/register', async (req, res) => {
  const hashed = bcrypt.hashSync(req.body.password, 12);
  await accounts.create({ email: req.body.email, hashed });
  res.status(201).end();
});`,
    errors: [error('blockingCrypto', 'bcrypt.hashSync', BCRYPT, 6, 18, [], WHERE_ROUTE)],
  },
];

ruleTester.run('no-blocking-in-async on kernel files and new secrets', testedRule, {
  valid: [
    // the kernel's memory counters
    `import { readFileSync } from 'node:fs';
export async function memoryStats() {
  const text = readFileSync('/proc/meminfo', 'utf8');
  return parse(text);
}`,
    // a process's status file, by a template that starts at /proc/
    `import fs from 'node:fs';
export async function processState(pid) {
  return fs.readFileSync(\`/proc/\${pid}/status\`, 'utf8');
}`,
    // a sign-up: the password's hash is saved into the new record
    `import bcrypt from 'bcrypt';
import { prisma } from './db';
export async function register(email, password) {
  const hashed = bcrypt.hashSync(password, 10);
  return prisma.account.create({ data: { email, password: password ? hashed : undefined } });
}`,
  ],
  invalid: [
    ...invalid,
    // a new key's digest is saved (silent); the same helper on every lookup stays reported
    {
      code: `import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { db } from './db';
export class Tokens {
  async issue(ownerId) {
    const token = randomBytes(24).toString('hex');
    const digest = this.digest(token);
    await db.token.update({ where: { ownerId }, data: { digest } });
    return token;
  }
  async ownerOf(token) {
    const digest = this.digest(token);
    return db.token.findUnique({ where: { digest } });
  }
  digest(token) {
    return pbkdf2Sync(token, '', 100000, 64, 'sha256').toString('hex');
  }
}`,
      errors: [helperError('this.digest', 'this.digest() -> crypto.pbkdf2Sync', PBKDF2, 11, 25, IN_EXPORTED)],
    },
  ],
});
