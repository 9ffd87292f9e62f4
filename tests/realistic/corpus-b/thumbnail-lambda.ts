import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event, Context } from 'aws-lambda';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import os from 'node:os';

const s3 = new S3Client({});
const TMP = os.tmpdir();

// Loaded once at cold start — module top level, not inside the handler.
const watermarkConfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'watermark.json'), 'utf8'));

function ensureScratchDir(dir: string): string {
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return dir;
}

function readManifest(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export const handler = async (event: S3Event, context: Context) => {
  const scratch = ensureScratchDir(path.join(TMP, context.awsRequestId)); // expect: no-blocking-in-async
  // S3 notifications are configured with one object per event.
  const { bucket, object } = event.Records[0].s3;
  const key = decodeURIComponent(object.key.replace(/\+/g, ' '));
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }));
  let body = Buffer.from(await res.Body!.transformToByteArray());
  if (key.endsWith('.gz')) {
    body = gunzipSync(body); // expect: no-blocking-in-async
  }

  const input = path.join(scratch, path.basename(key));
  const output = `${input}.thumb.jpg`;
  fs.writeFileSync(input, body); // expect: no-blocking-in-async
  execFileSync('convert', [input, '-resize', '256x256', '-gravity', watermarkConfig.gravity, output]); // expect: no-blocking-in-async

  const thumb = await fs.promises.readFile(output);
  await s3.send(
    new PutObjectCommand({ Bucket: process.env.THUMB_BUCKET, Key: `thumbs/${key}.jpg`, Body: thumb }),
  );

  const manifestPath = path.join(scratch, 'manifest.json');
  const manifest = fs.existsSync(manifestPath) ? readManifest(manifestPath) : {}; // expect: no-blocking-in-async
  await fs.promises.rm(scratch, { recursive: true, force: true });
  return { key, manifest };
};
