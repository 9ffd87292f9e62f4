import path from 'node:path';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { error, fsError, REPLACEMENT, testedRule, twin } from './no-blocking-in-async.errors';

// A desktop app (an Electron app by its package: a packager or a product name)
// that starts its own tasks together (`.map()`, `Promise.all`, a call without await): a file-system
// call bounded by one path (a text file's content, one folder's entries, metadata) costs its one user
// a moment and is left out by default; calls whose work grows without bound (bytes of any size, a
// recursive delete, a child process) still hold the app's main process.
const DESKTOP = path.join(FIXTURES_DIR, 'run-contexts', 'packaged-desktop-app', 'src', 'main');
// A package that only develops or tests against Electron (no packager, no product name): a library
// such as a settings store, whose callers' processes may serve others.
const ELECTRON_LIBRARY = path.join(FIXTURES_DIR, 'run-contexts', 'desktop-app', 'src');
const IN_PER_ITEM = 'inside this async function, which .map() runs once per item, all at the same time';
const IN_NOT_AWAITED = 'inside this async function, which is started without await and runs beside other work';

/** Updates each tool of a launcher: reads and writes a version file, makes a folder, deletes the archive. */
const UPDATE_TOOLS = `import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
async function updateTool(tool) {
  const versionFile = tool.dir + '/version';
  const installed = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : '';
  const latest = await fetchLatest(tool.url);
  const latestVersion = latest.name.replace('.tar.gz', '');
  if (installed === latestVersion) return;
  mkdirSync(tool.dir, { recursive: true });
  await download(latest.url, tool.archive);
  await extract(tool.archive, tool.dir);
  rmSync(tool.archive);
  writeFileSync(versionFile, latestVersion);
}
export async function updateTools(tools) { await Promise.all(tools.map((tool) => updateTool(tool))); }`;

/** Applies each theme file of the user, all at once. */
const LOAD_THEMES = `import { readFileSync } from 'node:fs';
export async function loadThemes(themes) {
  await Promise.all(themes.map(async (theme) => apply(readFileSync(theme.file, 'utf8'))));
}`;

/** `LOAD_THEMES` reported where its tasks are not a desktop app's own: the per-theme read. */
const LOAD_THEMES_REPORTED = fsError(
  'fs.readFileSync',
  REPLACEMENT.readFile,
  3,
  55,
  [
    twin(
      'readFile',
      `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function loadThemes(themes) {
  await Promise.all(themes.map(async (theme) => apply(await readFile(theme.file, 'utf8'))));
}`,
    ),
  ],
  IN_PER_ITEM,
);

ruleTester.run('no-blocking-in-async in a desktop app\'s tasks started together', testedRule, {
  valid: [
    // per tool, all at once: metadata, a version file, a folder, one downloaded archive
    { code: UPDATE_TOOLS, filename: path.join(DESKTOP, 'tools.ts') },
    // per theme file of the user, all at once
    { code: LOAD_THEMES, filename: path.join(DESKTOP, 'themes.ts') },
    // started without await: checks and lists the top level of one folder before the download
    {
      code: `import { existsSync, readdirSync } from 'node:fs';
async function fetchFixes(game) {
  if (!existsSync(game.prefix) || readdirSync(game.prefix).length === 0) return;
  await download(game.fixesUrl, game.prefix + '/fixes.json');
}
export async function onInstalled(game) { fetchFixes(game); await notify('installed', game); }`,
      filename: path.join(DESKTOP, 'fixes.ts'),
    },
    // a `readdirSync` whose options ask for no recursion lists one folder
    {
      code: `import fs from 'node:fs';
export async function themes(folders) {
  await Promise.all(folders.map(async (folder) => apply(fs.readdirSync(folder, { withFileTypes: true, recursive: false }))));
}`,
      filename: path.join(DESKTOP, 'folders.ts'),
    },
    // an IPC handler serves the app's own window: its pages read together cost that one user a moment
    {
      code: `import { ipcMain } from 'electron';
import { readFileSync } from 'node:fs';
ipcMain.handle('pages', async (_event, ids) => Promise.all(ids.map(async (id) => readFileSync('pages/' + id + '.md', 'utf8'))));`,
      filename: path.join(DESKTOP, 'pages.ts'),
    },
    // a settings file parsed, and one written as JSON text, per profile at once
    {
      code: `import { readFileSync, writeFileSync } from 'node:fs';
export async function refreshProfiles(profiles) {
  await Promise.all(profiles.map(async (profile) => {
    const saved = JSON.parse(readFileSync(profile.file));
    const text = JSON.stringify({ ...saved, ...(await profile.load()) });
    writeFileSync(profile.file, text);
  }));
}`,
      filename: path.join(DESKTOP, 'profiles.ts'),
    },
  ],
  invalid: [
    // a recursive delete of a whole folder holds the main process as long as the tree is large
    {
      code: `import { existsSync, rmSync } from 'node:fs';
async function removePrefix(game) {
  const prefix = await prefixOf(game);
  if (!existsSync(prefix)) return;
  rmSync(prefix, { recursive: true });
}
export async function onUninstall(game) { removePrefix(game); await notify('uninstalled', game); }`,
      filename: path.join(DESKTOP, 'uninstall.ts'),
      errors: [
        fsError(
          'fs.rmSync',
          "'await rm()' from 'node:fs/promises'",
          5,
          3,
          [
            twin(
              'rm',
              `import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
async function removePrefix(game) {
  const prefix = await prefixOf(game);
  if (!existsSync(prefix)) return;
  await rm(prefix, { recursive: true });
}
export async function onUninstall(game) { removePrefix(game); await notify('uninstalled', game); }`,
            ),
          ],
          IN_NOT_AWAITED,
        ),
      ],
    },
    // so does a child process, and a listing whose options are not written out
    {
      code: `import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
export async function scan(libraries, options) {
  await Promise.all(libraries.map(async (library) => {
    execSync('chmod -R u+w ' + library);
    return index(readdirSync(library, options));
  }));
}`,
      filename: path.join(DESKTOP, 'scan.ts'),
      errors: [
        error('blockingProcess', 'child_process.execSync', REPLACEMENT.childProcess, 5, 5, [], IN_PER_ITEM),
        fsError(
          'fs.readdirSync',
          "'await readdir()' from 'node:fs/promises'",
          6,
          18,
          [
            twin(
              'readdir',
              `import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
export async function scan(libraries, options) {
  await Promise.all(libraries.map(async (library) => {
    execSync('chmod -R u+w ' + library);
    return index(await readdir(library, options));
  }));
}`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    // a server in the main process serves whoever connects: its reads stay reported
    {
      code: `import http from 'node:http';
import { readFileSync } from 'node:fs';
export function startCompanionServer(port) {
  http.createServer(async (req, res) => { res.end(readFileSync('covers/' + req.url)); await log(req.url); }).listen(port);
}`,
      filename: path.join(DESKTOP, 'companion.ts'),
      errors: [
        fsError(
          'fs.readFileSync',
          REPLACEMENT.readFile,
          4,
          51,
          [
            twin(
              'readFile',
              `import http from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export function startCompanionServer(port) {
  http.createServer(async (req, res) => { res.end(await readFile('covers/' + req.url)); await log(req.url); }).listen(port);
}`,
            ),
          ],
          'inside this async function, which handles requests (http.createServer) while other requests wait',
        ),
      ],
    },
    // so do the tasks such a handler starts together for one request (a page per id asked for)
    {
      code: `import http from 'node:http';
import { readFileSync } from 'node:fs';
export function startCompanion(port) {
  http.createServer(async (req, res) => {
    const ids = (req.url ?? '').split(',');
    const pages = await Promise.all(ids.map(async (id) => readFileSync('pages/' + id + '.md', 'utf8')));
    res.end(pages.join('\\n'));
  }).listen(port);
}`,
      filename: path.join(DESKTOP, 'companion-pages.ts'),
      errors: [
        fsError(
          'fs.readFileSync',
          REPLACEMENT.readFile,
          6,
          59,
          [
            twin(
              'readFile',
              `import http from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export function startCompanion(port) {
  http.createServer(async (req, res) => {
    const ids = (req.url ?? '').split(',');
    const pages = await Promise.all(ids.map(async (id) => await readFile('pages/' + id + '.md', 'utf8')));
    res.end(pages.join('\\n'));
  }).listen(port);
}`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    // a whole file the user chose, read or copied or written per item: it costs as much as the file
    // is large (an installer of several GB, a recording, a rendered video), N times over
    {
      code: `import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
async function verifyInstaller(game) {
  await downloadInstaller(game);
  const digest = createHash('sha256').update(readFileSync(game.archive)).digest('hex');
  if (digest !== game.sha256) throw new Error('corrupt download');
}
export async function installAll(games) { await Promise.all(games.map((game) => verifyInstaller(game))); }`,
      filename: path.join(DESKTOP, 'installers.ts'),
      errors: [
        fsError(
          'fs.readFileSync',
          REPLACEMENT.readFile,
          5,
          46,
          [
            twin(
              'readFile',
              `import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
async function verifyInstaller(game) {
  await downloadInstaller(game);
  const digest = createHash('sha256').update(await readFile(game.archive)).digest('hex');
  if (digest !== game.sha256) throw new Error('corrupt download');
}
export async function installAll(games) { await Promise.all(games.map((game) => verifyInstaller(game))); }`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    // read as base64 (a data URL of each photo): bytes, not text, however it is encoded
    {
      code: `import { readFileSync } from 'node:fs';
export async function thumbnails(photos) {
  return Promise.all(photos.map(async (photo) => 'data:image/jpeg;base64,' + readFileSync(photo.path, 'base64')));
}`,
      filename: path.join(DESKTOP, 'photos.ts'),
      errors: [
        fsError(
          'fs.readFileSync',
          REPLACEMENT.readFile,
          3,
          78,
          [
            twin(
              'readFile',
              `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function thumbnails(photos) {
  return Promise.all(photos.map(async (photo) => 'data:image/jpeg;base64,' + await readFile(photo.path, 'base64')));
}`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    {
      code: `import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
export async function addRecordings(files, library) {
  await Promise.all(files.map(async (file) => { copyFileSync(file, join(library, basename(file))); await index(file); }));
}`,
      filename: path.join(DESKTOP, 'recordings.ts'),
      errors: [
        fsError(
          'fs.copyFileSync',
          "'await copyFile()' from 'node:fs/promises'",
          4,
          49,
          [
            twin(
              'copyFile',
              `import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyFile } from 'node:fs/promises';
export async function addRecordings(files, library) {
  await Promise.all(files.map(async (file) => { await copyFile(file, join(library, basename(file))); await index(file); }));
}`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    {
      code: `import { writeFileSync } from 'node:fs';
export async function renderAll(clips) {
  await Promise.all(clips.map(async (clip) => writeFileSync(clip.out, await render(clip))));
}`,
      filename: path.join(DESKTOP, 'clips.ts'),
      errors: [
        fsError(
          'fs.writeFileSync',
          REPLACEMENT.writeFile,
          3,
          47,
          [
            twin(
              'writeFile',
              `import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
export async function renderAll(clips) {
  await Promise.all(clips.map(async (clip) => await writeFile(clip.out, await render(clip))));
}`,
            ),
          ],
          IN_PER_ITEM,
        ),
      ],
    },
    // a library that depends on Electron only to be tested against it is no app of its own
    {
      code: LOAD_THEMES,
      filename: path.join(ELECTRON_LIBRARY, 'themes.ts'),
      errors: [LOAD_THEMES_REPORTED],
    },
    // outside a desktop app, the same tasks started together block whatever else the process serves
    {
      code: LOAD_THEMES,
      filename: 'src/themes.ts',
      errors: [LOAD_THEMES_REPORTED],
    },
  ],
});
