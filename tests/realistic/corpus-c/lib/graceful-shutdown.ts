import type { Server } from 'node:http';

type Closer = { name: string; close: () => Promise<void> };

const closers: Closer[] = [];
let shuttingDown: Promise<void> | undefined;

export function onShutdown(name: string, close: () => Promise<void>): void {
  closers.push({ name, close });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/**
 * Stops accepting requests, waits for in-flight ones, then closes the registered resources in
 * reverse registration order (the cache was opened after the database and uses it).
 */
export function shutdown(server: Server, timeoutMs = 10_000): Promise<void> {
  shuttingDown ??= (async () => {
    const timer = setTimeout(() => {
      console.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    await closeServer(server);
    for (const closer of [...closers].reverse()) {
      try {
        await closer.close();
      } catch (error) {
        console.error(`closing ${closer.name} failed`, error);
      }
    }
    clearTimeout(timer);
  })();
  return shuttingDown;
}

export function installSignalHandlers(server: Server): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(server).then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
