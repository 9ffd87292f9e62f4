// Generic retry / backoff helpers shared by the HTTP clients and queue workers.

const DEFAULTS = { retries: 5, baseMs: 100, maxMs: 10_000, factor: 2 };

export class RetryError extends Error {
  constructor(message, { cause, attempts }) {
    super(message, { cause });
    this.name = 'RetryError';
    this.attempts = attempts;
  }
}

export const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

export function isTransient(err) {
  if (!err) return false;
  if (['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNREFUSED'].includes(err.code)) return true;
  const status = err.status ?? err.statusCode;
  return status === 429 || (status >= 500 && status < 600);
}

export async function retry(fn, opts = {}) {
  const { retries, baseMs, maxMs, factor, shouldRetry = isTransient, onRetry, signal } = { ...DEFAULTS, ...opts };
  let lastErr;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      lastErr = err;
      if (!shouldRetry(err) || attempt === retries) break;
      const delay = Math.min(maxMs, baseMs * factor ** attempt) * (0.5 + Math.random() / 2);
      onRetry?.(err, attempt, delay);
      await sleep(delay, signal);
    }
  }
  throw new RetryError(`gave up after ${retries + 1} attempts`, { cause: lastErr, attempts: retries + 1 });
}

export async function withTimeout(promise, ms, label = 'operation') {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} timed out after ${ms}ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Try each mirror in order of preference; the first that answers wins.
export async function fetchFromMirrors(mirrors, pathname, init) {
  const errors = [];
  for (const base of mirrors) {
    try {
      const res = await fetch(new URL(pathname, base), init);
      if (res.ok) return res;
      errors.push(new Error(`${base}: HTTP ${res.status}`));
    } catch (err) {
      errors.push(err);
    }
  }
  throw new AggregateError(errors, `all mirrors failed for ${pathname}`);
}

// Polls until `check` resolves truthy, e.g. waiting for an export job.
export async function waitUntil(check, { intervalMs = 1000, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`condition not met within ${timeoutMs}ms`);
}
