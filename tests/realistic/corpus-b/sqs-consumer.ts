import {
  SQSClient,
  ReceiveMessageCommand,
  DeleteMessageBatchCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from './logger';
import { handleEvent } from './handlers';

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QUEUE_URL = process.env.QUEUE_URL!;

async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  let lastErr: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      await sleep(2 ** i * 200);
    }
  }
  throw lastErr;
}

// FIFO queue: messages in one group must be applied in order.
async function processBatch(messages: Message[]) {
  const done: { Id: string; ReceiptHandle: string }[] = [];
  for (const msg of messages) {
    const event = JSON.parse(msg.Body ?? '{}');
    try {
      await withRetry(() => handleEvent(event));
      done.push({ Id: msg.MessageId!, ReceiptHandle: msg.ReceiptHandle! });
    } catch (err) {
      logger.error({ err, id: msg.MessageId }, 'giving up on message; stopping batch to keep order');
      break;
    }
  }
  if (done.length > 0) {
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: done }));
  }
}

export async function poll(signal: AbortSignal) {
  while (!signal.aborted) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
    );
    if (Messages.length === 0) {
      await sleep(1000);
      continue;
    }
    await processBatch(Messages);
  }
}

export function start() {
  const controller = new AbortController();
  poll(controller.signal).catch((err) => {
    logger.fatal({ err }, 'consumer crashed');
    process.exit(1);
  });
  process.once('SIGTERM', () => controller.abort());
  return controller;
}
