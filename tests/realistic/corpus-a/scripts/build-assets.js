import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import glob from 'glob';
import { minify } from 'terser';

const hash = (content) => createHash('sha256').update(content).digest('hex').slice(0, 10);

function hashedName(file, content) {
  const ext = path.extname(file);
  return `${file.slice(0, -ext.length)}.${hash(content)}${ext}`;
}

export async function buildAssets(srcDir, outDir, { minifyJs = true } = {}) {
  const files = glob.sync('**/*.{js,css}', { cwd: srcDir, nodir: true }); // expect: no-blocking-in-async
  const sources = files.map((f) => fs.readFileSync(path.join(srcDir, f), 'utf8')); // expect: no-blocking-in-async
  await mkdir(outDir, { recursive: true });

  const outputs = await Promise.all(
    files.map(async (file, i) => {
      let content = sources[i];
      if (minifyJs && file.endsWith('.js')) {
        const result = await minify(content, { module: true, sourceMap: false });
        content = result.code ?? content;
      }
      const outName = hashedName(file, content);
      await mkdir(path.dirname(path.join(outDir, outName)), { recursive: true });
      await writeFile(path.join(outDir, outName), content);
      return [file, outName];
    }),
  );

  const manifest = Object.fromEntries(outputs);
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

// Synchronous variant used by the dev server's middleware at startup.
export function readManifestSync(outDir) {
  const file = path.join(outDir, 'manifest.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [src = 'assets', out = 'dist/assets'] = process.argv.slice(2);
  const manifest = await buildAssets(src, out, { minifyJs: !process.argv.includes('--no-minify') });
  console.log(`wrote ${Object.keys(manifest).length} assets to ${out}`);
}
