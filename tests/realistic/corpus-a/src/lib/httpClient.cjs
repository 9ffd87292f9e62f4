'use strict';

const { setTimeout: sleep } = require('timers/promises');

class HttpError extends Error {
  constructor(res, body) {
    super(`HTTP ${res.status} ${res.statusText} for ${res.url}`);
    this.name = 'HttpError';
    this.status = res.status;
    this.body = body;
  }
}

function createClient({ baseUrl, token, timeoutMs = 10_000, retries = 3, fetchImpl = fetch }) {
  async function request(method, path, { body, headers = {}, query } = {}) {
    const url = new URL(path, baseUrl);
    if (query) for (const [k, v] of Object.entries(query)) if (v != null) url.searchParams.set(k, String(v));

    for (let attempt = 0; ; attempt++) {
      const res = await fetchImpl(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });

      if (res.status === 429 || res.status >= 500) {
        if (attempt < retries) {
          const retryAfter = Number(res.headers.get('retry-after'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt);
          continue;
        }
      }

      const text = await res.text();
      const data = text ? JSON.parse(text) : null;
      if (!res.ok) throw new HttpError(res, data);
      return data;
    }
  }

  return {
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    del: (path, opts) => request('DELETE', path, opts),
  };
}

/** Sends events in small batches, pausing between them to stay under the quota. */
async function sendInBatches(client, events, { batchSize = 50, pauseMs = 1000 } = {}) {
  let sent = 0;
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize);
    await client.post('/v1/events/batch', { events: batch });
    sent += batch.length;
    if (i + batchSize < events.length) await sleep(pauseMs);
  }
  return sent;
}

module.exports = { createClient, HttpError, sendInBatches };
