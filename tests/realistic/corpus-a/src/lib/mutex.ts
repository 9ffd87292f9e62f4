import { readFile, writeFile, rename } from 'node:fs/promises';

type Release = () => void;

export class Mutex {
  private waiters: Array<() => void> = [];
  private locked = false;

  acquire(): Promise<Release> {
    return new Promise((resolve) => {
      const grant = () => {
        this.locked = true;
        resolve(() => this.release());
      };
      if (this.locked) this.waiters.push(grant);
      else grant();
    });
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.locked = false;
  }

  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

export class Semaphore {
  private waiters: Array<() => void> = [];
  constructor(private permits: number) {}

  async acquire(): Promise<Release> {
    if (this.permits > 0) {
      this.permits--;
    } else {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.permits++;
    };
  }
}

interface PoolLike<C> {
  connect(): Promise<C & { release(): void }>;
}

export async function withConnection<C, T>(sem: Semaphore, pool: PoolLike<C>, fn: (conn: C) => Promise<T>): Promise<T> {
  const permit = await sem.acquire();
  let conn: (C & { release(): void }) | undefined;
  try {
    conn = await pool.connect();
    return await fn(conn);
  } finally {
    conn?.release();
    permit();
  }
}

const fileLocks = new Map<string, Mutex>();

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Read-modify-write of a JSON state file, serialized per file within this process. */
export async function updateJsonFile(
  file: string,
  mutate: (current: Record<string, unknown>) => Record<string, unknown>,
): Promise<Record<string, unknown>> {
  let lock = fileLocks.get(file);
  if (!lock) {
    lock = new Mutex();
    fileLocks.set(file, lock);
  }
  const release = await lock.acquire();
  const current = await readJson(file);
  try {
    const next = mutate(current);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(next, null, 2));
    await rename(tmp, file);
    return next;
  } finally {
    release();
  }
}
