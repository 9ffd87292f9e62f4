import { roomHistory } from './rooms';

const UPSTREAMS = {
  auth: process.env.AUTH_URL ?? 'http://auth.internal',
  billing: process.env.BILLING_URL ?? 'http://billing.internal',
  search: process.env.SEARCH_URL ?? 'http://search.internal',
};

async function probe(name: keyof typeof UPSTREAMS): Promise<{ name: string; ok: boolean; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${UPSTREAMS[name]}/healthz`, { signal: AbortSignal.timeout(2000) });
  return { name, ok: response.ok, ms: Math.round(performance.now() - started) };
}

async function probeQuietly(name: keyof typeof UPSTREAMS) {
  try {
    return await probe(name);
  } catch {
    return { name, ok: false, ms: -1 };
  }
}

/** Status page: the auth probe decides the overall answer, the others are informative. */
export async function statusPage(): Promise<{ status: string; checks: unknown[] }> {
  const billing = probe('billing'); // expect: no-late-promise-handling
  const search = probe('search'); // expect: no-late-promise-handling
  const auth = await probe('auth');
  if (!auth.ok) return { status: 'down', checks: [auth] };
  return { status: 'up', checks: [auth, await billing, await search] };
}

/** Same page, written so the started probes can never reject. */
export async function statusPageSafe(): Promise<{ status: string; checks: unknown[] }> {
  const billing = probeQuietly('billing');
  const search = probeQuietly('search');
  const auth = await probeQuietly('auth');
  if (!auth.ok) return { status: 'down', checks: [auth] };
  return { status: 'up', checks: [auth, await billing, await search] };
}

export async function roomDigest(rooms: string[]): Promise<Record<string, number>> {
  const pending = rooms.map((room) => roomHistory(room, 200)); // expect: no-late-promise-handling
  const digest: Record<string, number> = {};
  for (const [i, p] of pending.entries()) {
    digest[rooms[i]] = (await p).length;
  }
  return digest;
}

export async function roomDigestGathered(rooms: string[]): Promise<Record<string, number>> {
  const histories = await Promise.all(rooms.map((room) => roomHistory(room, 200)));
  return Object.fromEntries(rooms.map((room, i) => [room, histories[i].length]));
}

export async function warmAndServe(room: string) {
  // Started early, rejection parked at once and surfaced at the await below.
  const history = roomHistory(room, 50).catch((error: Error) => {
    console.warn('history unavailable', error.message);
    return [];
  });
  const checks = await probeQuietly('auth');
  return { checks, history: await history };
}
