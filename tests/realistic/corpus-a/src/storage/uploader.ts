import { createReadStream } from 'node:fs';
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';

export interface ObjectStoreOptions {
  endpoint: string;
  bucket: string;
  token: string;
}

export interface ObjectHead {
  etag: string;
  size: number;
  lastModified: Date;
}

/** Minimal client for our S3-compatible blob store. */
export class ObjectStore {
  constructor(private readonly opts: ObjectStoreOptions) {}

  private url(key: string): string {
    return `${this.opts.endpoint}/${this.opts.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async putObject(key: string, body: NodeJS.ReadableStream | Buffer, size: number): Promise<{ etag: string }> {
    const res = await fetch(this.url(key), {
      method: 'PUT',
      body: body as unknown as BodyInit,
      headers: { authorization: `Bearer ${this.opts.token}`, 'content-length': String(size) },
      duplex: 'half',
    } as RequestInit);
    if (!res.ok) throw new Error(`PUT ${key} failed: HTTP ${res.status}`);
    return { etag: res.headers.get('etag') ?? '' };
  }

  async headObject(key: string): Promise<ObjectHead | null> {
    const res = await fetch(this.url(key), { method: 'HEAD', headers: { authorization: `Bearer ${this.opts.token}` } });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`HEAD ${key} failed: HTTP ${res.status}`);
    return {
      etag: res.headers.get('etag') ?? '',
      size: Number(res.headers.get('content-length') ?? 0),
      lastModified: new Date(res.headers.get('last-modified') ?? 0),
    };
  }

  async deleteObject(key: string): Promise<void> {
    const res = await fetch(this.url(key), { method: 'DELETE', headers: { authorization: `Bearer ${this.opts.token}` } });
    if (!res.ok && res.status !== 404) throw new Error(`DELETE ${key} failed: HTTP ${res.status}`);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function toKey(prefix: string, dir: string, file: string): string {
  return path.posix.join(prefix, path.relative(dir, file).split(path.sep).join('/'));
}

export async function syncDirectory(store: ObjectStore, dir: string, prefix: string): Promise<string[]> {
  const files = await listFiles(dir);
  const uploaded: string[] = [];
  for (const file of files) {
    const key = toKey(prefix, dir, file);
    const { size } = await stat(file); // expect: prefer-promise-all-in-loop
    await store.putObject(key, createReadStream(file), size);
    uploaded.push(key);
  }
  return uploaded;
}

export async function uploadIfChanged(store: ObjectStore, file: string, key: string): Promise<boolean> {
  const local = await stat(file); // expect: prefer-promise-all
  const remote = await store.headObject(key);
  if (remote && remote.size === local.size && remote.lastModified >= local.mtime) {
    return false;
  }
  await store.putObject(key, createReadStream(file), local.size);
  return true;
}

export async function replaceObject(store: ObjectStore, file: string, oldKey: string, newKey: string): Promise<void> {
  const { size } = await stat(file);
  await store.putObject(newKey, createReadStream(file), size);
  store.deleteObject(oldKey); // expect-typed: no-floating-promises
}

export async function deleteKeys(store: ObjectStore, keys: string[]): Promise<void> {
  await Promise.all(keys.map((k) => store.deleteObject(k)));
}
