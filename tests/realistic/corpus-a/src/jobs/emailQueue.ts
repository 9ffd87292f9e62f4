import { Queue, Worker, Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { mailer } from '../lib/mailer';
import { logger } from '../lib/logger';
import { db } from '../db';

export interface EmailJob {
  to: string;
  template: string;
  vars: Record<string, unknown>;
}

const connection = { host: process.env.REDIS_HOST ?? '127.0.0.1', port: 6379 };
export const emailQueue = new Queue<EmailJob>('email', { connection });

// Provider allows 5 messages per second on our plan.
const SEND_INTERVAL_MS = 200;

async function recordDelivery(to: string, messageId: string): Promise<void> {
  await db.insert('email_deliveries', { to, messageId, sentAt: new Date() });
}

export async function sendDigest(recipients: string[], vars: Record<string, unknown>): Promise<string[]> {
  const results: string[] = [];
  for (const to of recipients) {
    const info = await mailer.send({ to, template: 'digest', vars });
    results.push(info.messageId);
    recordDelivery(to, info.messageId); // expect: no-floating-promises
    await sleep(SEND_INTERVAL_MS);
  }
  return results;
}

export const worker = new Worker<EmailJob>(
  'email',
  async (job: Job<EmailJob>) => {
    const info = await mailer.send(job.data);
    await recordDelivery(job.data.to, info.messageId);
    return info.messageId;
  },
  { connection, concurrency: 4 },
);

worker.on('failed', (job, err) => {
  logger.warn({ jobId: job?.id, err }, 'email job failed');
});

worker.on('completed', (job) => {
  logger.debug({ jobId: job.id }, 'email sent');
});

export async function enqueueWelcome(userIds: string[]): Promise<void> {
  const users = await db.findMany('users', { id: userIds });
  await emailQueue.addBulk(
    users.map((u: { email: string; name: string }) => ({
      name: 'welcome',
      data: { to: u.email, template: 'welcome', vars: { name: u.name } },
      opts: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
    })),
  );
}

export async function drain(): Promise<void> {
  await worker.close();
  await emailQueue.close();
}
