const BASE = process.env.STORAGE_URL ?? 'http://minio.internal:9000';

export const storage = {
  async download(bucket, key) {
    const response = await fetch(`${BASE}/${bucket}/${encodeURIComponent(key)}`);
    if (!response.ok) throw new Error(`download ${key}: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  },
  async upload(bucket, key, body) {
    const response = await fetch(`${BASE}/${bucket}/${encodeURIComponent(key)}`, { method: 'PUT', body });
    if (!response.ok) throw new Error(`upload ${key}: ${response.status}`);
    return `${BASE}/${bucket}/${key}`;
  },
};
