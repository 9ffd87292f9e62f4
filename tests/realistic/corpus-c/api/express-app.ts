import express, { type Request, type Response, type NextFunction } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAccount, listInvoices, countSeats, usageThisMonth, withTransaction, redis } from './db';
import { auditLog } from './audit';

const app = express();
app.use(express.json());

// Read once at start-up, at module top level: not inside any async function.
const emailTemplate = readFileSync(path.join(__dirname, 'templates', 'welcome.html'), 'utf8');

async function cached<T>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', ttl);
  return value;
}

app.get('/accounts/:id/dashboard', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const account = await findAccount(req.params.id);
    if (!account) {
      res.status(404).end();
      return;
    }
    const invoices = await listInvoices(account.id, 5); // expect: prefer-promise-all
    const seats = await countSeats(account.id);
    const usage = await usageThisMonth(account.id);
    res.json({ account, invoices, seats, usage });
  } catch (error) {
    next(error);
  }
});

app.get('/accounts/:id/summary', async (req: Request, res: Response, next: NextFunction) => {
  try {
    // Cache first, database only on a miss: the second await depends on the first.
    const summary = await cached(`summary:${req.params.id}`, 60, async () => {
      const account = await findAccount(req.params.id);
      return { plan: account?.plan, seats: account ? await countSeats(account.id) : 0 };
    });
    res.json(summary);
  } catch (error) {
    next(error);
  }
});

app.get('/legal/terms', async (req: Request, res: Response) => { // expect-typed: no-misused-async-callback
  const locale = (req.query.lang ?? 'en').replace(/[^a-z]/g, '');
  const body = readFileSync(path.join(__dirname, 'legal', `terms.${locale}.md`), 'utf8'); // expect: no-blocking-in-async
  res.set('content-type', 'text/markdown').send(body);
});

app.post('/accounts/:id/suspend', async (req: Request, res: Response, next: NextFunction) => {
  try {
    await withTransaction(async (client) => {
      await client.query('update accounts set suspended = true where id = $1', [req.params.id]);
      await client.query('insert into account_events (account_id, kind) values ($1, $2)', [req.params.id, 'suspended']);
    });
    await redis.del(`summary:${req.params.id}`);
    auditLog('account.suspended', { id: req.params.id, by: req.user?.id });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
});

app.post('/accounts/:id/welcome', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const account = await findAccount(req.params.id);
    if (!account) return void res.status(404).end();
    const html = emailTemplate.replace('{{email}}', account.email);
    redis.publish('mail:outbound', JSON.stringify({ to: account.email, html })); // expect-typed: no-floating-promises
    res.status(202).end();
  } catch (error) {
    next(error);
  }
});

export default app;
