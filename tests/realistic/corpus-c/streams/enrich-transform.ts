import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { lookupGeo, type GeoInfo } from './geo';

interface LogLine {
  ip: string;
  path: string;
  status: number;
  geo?: GeoInfo;
}

/** Splits a byte stream into newline-delimited JSON records. */
export class NdjsonParser extends Transform {
  private buffered = '';

  constructor() {
    super({ readableObjectMode: true });
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const lines = (this.buffered + chunk.toString('utf8')).split('\n');
    this.buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) this.push(JSON.parse(line));
    callback();
  }

  _flush(callback: TransformCallback): void {
    if (this.buffered.trim()) this.push(JSON.parse(this.buffered));
    callback();
  }
}

/** Adds geo information to each record; lookups are cached by the geo module. */
export class GeoEnricher extends Transform {
  constructor() {
    super({ objectMode: true });
  }

  async _transform(record: LogLine, _encoding: BufferEncoding, callback: TransformCallback): Promise<void> { // expect-typed: no-misused-async-callback
    const geo = await lookupGeo(record.ip);
    callback(null, { ...record, geo });
  }
}

/** The same step, written so that a failed lookup becomes a stream error. */
export class SafeGeoEnricher extends Transform {
  constructor() {
    super({ objectMode: true });
  }

  _transform(record: LogLine, _encoding: BufferEncoding, callback: TransformCallback): void {
    lookupGeo(record.ip).then(
      (geo) => callback(null, { ...record, geo }),
      (error: Error) => callback(error),
    );
  }
}

export async function enrichLogFile(input: string, output: string): Promise<void> {
  await pipeline(
    createReadStream(input),
    createGunzip(),
    new NdjsonParser(),
    new SafeGeoEnricher(),
    new Transform({
      writableObjectMode: true,
      transform(record: LogLine, _enc, cb) {
        cb(null, `${JSON.stringify(record)}\n`);
      },
    }),
    createWriteStream(output),
  );
}

export async function enrichAll(files: string[]): Promise<void> {
  for (const file of files) {
    await enrichLogFile(file, file.replace(/\.ndjson\.gz$/, '.enriched.ndjson')); // expect: prefer-promise-all-in-loop
  }
}
