'use strict';

const fs = require('fs');
const path = require('path');
const { fetchRates } = require('../integrations/fx');
const { db } = require('../db');

const STATE_FILE = path.join(__dirname, '../../.scheduler-state.json');

async function refreshRates() {
  const rates = await fetchRates(['USD', 'EUR', 'GBP', 'JPY']);
  await db.upsert('fx_rates', rates, ['currency']);
  return rates.length;
}

async function purgeExpiredSessions() {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE expires_at < now()');
  return rowCount;
}

function start() {
  const timers = [];
  timers.push(
    setInterval(() => {
      refreshRates(); // expect: no-floating-promises
    }, 15 * 60_000),
  );
  timers.push(
    setInterval(() => {
      purgeExpiredSessions().then(
        (n) => n && console.log(`purged ${n} expired sessions`),
        (err) => console.error('session purge failed', err),
      );
    }, 60 * 60_000),
  );
  return () => timers.forEach(clearInterval);
}

async function runOnce(jobName) {
  const started = Date.now();
  const result = jobName === 'rates' ? await refreshRates() : await purgeExpiredSessions();
  // Persist after the job; the state file is tiny and only read by ops tooling.
  setTimeout(() => {
    fs.writeFileSync(STATE_FILE, JSON.stringify({ jobName, result, started, finished: Date.now() }));
  }, 0);
  return result;
}

async function bootstrap() {
  const warm = refreshRates(); // expect: no-floating-promises
  const purged = await purgeExpiredSessions();
  console.log(`startup: purged ${purged} sessions`);
  return start();
}

module.exports = { start, runOnce, bootstrap };
