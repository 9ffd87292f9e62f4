import { Kafka, type EachBatchPayload } from 'kafkajs';
import { Pool } from 'pg';
import { metrics } from './metrics';

const kafka = new Kafka({ clientId: 'ledger', brokers: process.env.BROKERS!.split(',') });
const consumer = kafka.consumer({ groupId: 'ledger-projector' });
const pool = new Pool();

async function projectEntry(entry: { account: string; amount: number; ts: number }) {
  await pool.query('INSERT INTO ledger_projection(account, amount, ts) VALUES ($1,$2,$3)', [
    entry.account,
    entry.amount,
    entry.ts,
  ]);
}

async function flushMetrics() {
  await metrics.flush();
}

async function enrich(accounts: string[]) {
  const details = [];
  for (const account of accounts) {
    details.push(await fetch(`${process.env.ACCOUNTS_API}/accounts/${account}`).then((r) => r.json())); // expect: prefer-promise-all-in-loop
  }
  return details;
}

export async function run() {
  await consumer.connect();
  await consumer.subscribe({ topic: 'ledger.entries', fromBeginning: false });

  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }: EachBatchPayload) => {
      const entries = batch.messages.map((m) => JSON.parse(m.value!.toString()));
      entries.forEach(async (entry) => { // expect: no-misused-async-callback
        await projectEntry(entry);
      });
      const accounts = [...new Set(entries.map((e) => e.account))];
      const enriched = await enrich(accounts);
      metrics.gauge('ledger.enriched', enriched.length);
      resolveOffset(batch.messages[batch.messages.length - 1].offset);
      await heartbeat();
    },
  });

  setInterval(() => {
    flushMetrics(); // expect: no-floating-promises
  }, 10_000);
}
