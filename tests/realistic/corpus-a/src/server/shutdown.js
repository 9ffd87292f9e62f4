import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Waits for in-flight connections to finish, polling the server. */
export async function drainConnections(server, timeoutMs = 5000) {
  const started = Date.now();
  const count = () => new Promise((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
  while ((await count()) > 0 && Date.now() - started < timeoutMs) {
    await delay(100);
  }
}

export function installShutdown(server, { db, queue, logger, pidFile }) {
  let shuttingDown = false;

  async function shutdown(signal) {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');

    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out, forcing exit');
      fs.writeFileSync('/tmp/acme-last-forced-exit', `${new Date().toISOString()} ${signal}\n`);
      process.exit(1);
    }, 10_000);
    force.unref();

    server.close();
    await drainConnections(server);
    await queue.close();
    await db.end();
    logger.info('shutdown complete');
    process.exitCode = 0;
  }

  process.once('SIGTERM', () => {
    shutdown('SIGTERM').catch((err) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  });
  process.once('SIGINT', () => void shutdown('SIGINT'));

  process.on('exit', () => {
    try {
      fs.unlinkSync(pidFile);
    } catch {
      // ignore
    }
  });

  fs.writeFileSync(pidFile, String(process.pid));
  return shutdown;
}
