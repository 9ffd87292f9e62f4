import { gunzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  retries?: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A small REST client shared by several services. Callers are request handlers and jobs. */
export class RestClient {
  constructor(private readonly options: ClientOptions) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.ok) return (await response.json()) as T;
      if (response.status < 500 || attempt >= retries) throw new HttpError(response.status, `${method} ${path}`);
      await sleep(200 * 2 ** attempt);
    }
  }

  /** Follows `next` cursors until the last page. */
  async *paginate<T>(path: string): AsyncGenerator<T> {
    let cursor: string | undefined;
    do {
      const page = await this.request<{ items: T[]; next?: string }>('GET', cursor ? `${path}?cursor=${cursor}` : path);
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  }

  async downloadReport(id: string): Promise<unknown[]> {
    const response = await fetch(`${this.options.baseUrl}/reports/${id}.ndjson.gz`);
    if (!response.ok) throw new HttpError(response.status, `report ${id}`);
    const raw = Buffer.from(await response.arrayBuffer());
    return gunzipSync(raw) // expect: no-blocking-in-async
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }

  async collectAll<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this.paginate<T>(path)) all.push(item);
    return all;
  }
}

export async function fetchMany<T>(client: RestClient, paths: string[]): Promise<T[]> {
  const results: T[] = [];
  for (const p of paths) {
    results.push(await client.request<T>('GET', p)); // expect: prefer-promise-all-in-loop
  }
  return results;
}
