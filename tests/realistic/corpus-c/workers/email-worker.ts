import { Worker, Queue, type Job } from 'bullmq';
import { readFileSync } from 'node:fs';
import { renderTemplate, type TemplateName } from './templates';
import { mailer } from './mailer';
import { recipients } from './recipients';

interface EmailJob {
  template: TemplateName;
  to: string[];
  vars: Record<string, string>;
  campaignId?: string;
}

const connection = { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 };
const deadLetters = new Queue<EmailJob>('email-dead-letters', { connection });

// Loaded once while the module initialises, before the worker takes any job.
const dkimKey = readFileSync(process.env.DKIM_KEY_PATH ?? '/etc/mail/dkim.pem', 'utf8');

async function processEmail(job: Job<EmailJob>) {
  const { template, to, vars } = job.data;
  const html = await renderTemplate(template, vars);
  const suppressed = await recipients.suppressedAmong(to);
  const targets = to.filter((address) => !suppressed.has(address));

  const personalised: Array<{ to: string; html: string }> = [];
  for (const address of targets) {
    const profile = await recipients.profileOf(address); // expect: prefer-promise-all-in-loop
    personalised.push({ to: address, html: html.replace('{{firstName}}', profile?.firstName ?? '') });
  }
  await mailer.sendBatch(personalised, dkimKey);
  await job.updateProgress(100);
  return { sent: targets.length, skipped: to.length - targets.length };
}

async function processDigest(job: Job<EmailJob>) {
  // One message per recipient, sent in order: the provider rate-limits us to one at a time.
  for (const address of job.data.to) {
    await mailer.send({ to: address, html: await renderTemplate('digest', { ...job.data.vars, address }), dkimKey });
  }
}

export const worker = new Worker<EmailJob>(
  'email',
  async (job) => {
    if (job.name === 'digest') return processDigest(job);
    return processEmail(job);
  },
  { concurrency: 8, connection },
);

worker.on('failed', async (job, error) => { // expect-typed: no-misused-async-callback
  if (!job || job.attemptsMade < 5) return;
  await deadLetters.add('failed-email', job.data, { jobId: job.id });
  console.error(`email job ${job.id} dead-lettered`, error);
});

export async function shutdown(): Promise<void> {
  await worker.close();
  await deadLetters.close();
}
