import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

function escapeCell(value) {
  if (value == null) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toRow(values) {
  return values.map(escapeCell).join(',') + '\n';
}

/** Writes rows respecting backpressure. */
export async function writeCsv(file, columns, rows) {
  const out = createWriteStream(file, { encoding: 'utf8' });
  try {
    if (!out.write(toRow(columns))) await once(out, 'drain');
    for (const row of rows) {
      if (!out.write(toRow(columns.map((c) => row[c])))) {
        await once(out, 'drain');
      }
    }
  } finally {
    out.end();
  }
  await finished(out);
}

/** Streams a large query result to CSV using keyset pagination. */
export async function exportQuery(db, table, columns, file, batchSize = 1000) {
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write(toRow(columns));
  let lastId = 0;
  let total = 0;
  while (true) {
    const { rows } = await db.query(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId, batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (!out.write(toRow(columns.map((c) => row[c])))) await once(out, 'drain');
    }
    lastId = rows[rows.length - 1].id;
    total += rows.length;
  }
  out.end();
  await finished(out);
  return total;
}

/** Appends audit lines in order; callers rely on the ordering. */
export async function appendLines(file, lines) {
  const handle = await open(file, 'a');
  try {
    for (const line of lines) {
      await handle.write(`${line}\n`);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function writeAsync(socket, chunk) {
  return new Promise((resolve, reject) => {
    socket.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

/** Sends framed messages over a TCP socket; frames must not interleave. */
export async function sendFrames(socket, messages) {
  for (const msg of messages) {
    const body = Buffer.from(JSON.stringify(msg));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    await writeAsync(socket, Buffer.concat([header, body]));
  }
}
