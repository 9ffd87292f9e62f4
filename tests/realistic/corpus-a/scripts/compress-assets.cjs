#!/usr/bin/env node
'use strict';

const fs = require('fs-extra');
const path = require('path');
const zlib = require('zlib');
const { promisify } = require('util');

const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

// Legacy `--sync` mode used by the old deploy hook; kept for compatibility.
function gzipFileSync(file) {
  const buf = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
}

async function compressFile(file) {
  const buf = await fs.readFile(file);
  const gz = zlib.gzipSync(buf, { level: 9 }); // expect: no-blocking-in-async
  const br = await brotli(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
  await fs.writeFile(`${file}.gz`, gz);
  await fs.writeFile(`${file}.br`, br);
  return { file: path.basename(file), raw: buf.length, gz: gz.length, br: br.length };
}

async function listAssets(dir) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => path.join(dir, e.name));
}

async function main() {
  const dir = path.resolve(process.argv[2] || 'dist/public');
  const files = await listAssets(dir);

  if (process.argv.includes('--sync')) {
    files.forEach(gzipFileSync); // expect: no-blocking-in-async
    return;
  }

  const results = await Promise.all(files.map(compressFile));
  fs.ensureDirSync(path.join(dir, '.meta')); // expect: no-blocking-in-async
  await fs.writeJson(path.join(dir, '.meta', 'compression.json'), results, { spaces: 2 });

  const saved = results.reduce((n, r) => n + (r.raw - Math.min(r.gz, r.br)), 0);
  console.table(results);
  console.log(`saved ${(saved / 1024).toFixed(1)} KiB across ${results.length} files`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
