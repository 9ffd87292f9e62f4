import type { S3Event, S3EventRecord } from 'aws-lambda';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';

const s3 = new S3Client({});
const OUTPUT_BUCKET = process.env.THUMBNAIL_BUCKET!;
const SIZES = [128, 512] as const;

async function download(bucket: string, key: string): Promise<Buffer> {
  const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await obj.Body!.transformToByteArray());
}

async function upload(key: string, body: Buffer): Promise<void> {
  await s3.send(
    new PutObjectCommand({ Bucket: OUTPUT_BUCKET, Key: key, Body: body, ContentType: 'image/webp', CacheControl: 'max-age=31536000' }),
  );
}

async function processRecord(record: S3EventRecord): Promise<string[]> {
  const bucket = record.s3.bucket.name;
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  const original = await download(bucket, key);
  const written = await Promise.all(
    SIZES.map(async (size) => {
      const out = await sharp(original).resize(size, size, { fit: 'inside' }).webp({ quality: 80 }).toBuffer();
      const outKey = `${key.replace(/\.[^.]+$/, '')}-${size}.webp`;
      await upload(outKey, out);
      return outKey;
    }),
  );
  return written;
}

function renderMetadata(key: string, sizes: readonly number[]): Promise<Buffer> {
  return new Promise(async (resolve, reject) => { // expect: no-misused-async-callback
    try {
      const meta = { source: key, sizes, generatedAt: new Date().toISOString() };
      resolve(Buffer.from(JSON.stringify(meta)));
    } catch (err) {
      reject(err);
    }
  });
}

export const handler = async (event: S3Event) => {
  const results: string[] = [];
  for (const record of event.Records) {
    const keys = await processRecord(record); // expect: prefer-promise-all-in-loop
    results.push(...keys);
  }
  const manifestKey = `manifests/${Date.now()}.json`;
  await upload(manifestKey, await renderMetadata(manifestKey, SIZES));
  return { statusCode: 200, body: JSON.stringify({ thumbnails: results.length }) };
};
