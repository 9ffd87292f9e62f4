import { ruleTester } from '../rule-tester';
import { type ExpectedError, IN_EXPORTED, testedRule, twin } from './no-blocking-in-async.errors';

// Calls that a reviewer leaves alone although the function may run beside other work: listing a
// folder of modules that the function then loads with `require()` (which reads and compiles each
// file synchronously anyway), and reads in a handler of a bundler's development server (one
// developer's browser). Each silence next to the nearest report that stays.

/**
 * A file-system report with its suggestion: `code` with `from` replaced by `to` and the
 * `node:fs/promises` import of `twinName` added after the last import.
 */
function fsError(code: string, twinName: string, from: string, to: string, line: number, column: number, where: string): ExpectedError {
  const lines = code.split('\n');
  const last = lines.reduce((found, text, index) => (text.startsWith('import ') ? index : found), -1);
  lines.splice(last + 1, 0, `import { ${twinName} } from 'node:fs/promises';`);
  const output = lines.join('\n').replace(from, to);
  const name = `fs.${twinName}Sync`;
  const replacement = `'await ${twinName}()' from 'node:fs/promises'`;
  return { messageId: 'blockingFileSystem', data: { name, replacement, where }, line, column, suggestions: [twin(twinName, output)] };
}

const IN_ROUTE = 'inside this async function, which handles requests (.get()) while other requests wait';
const IN_POST = 'inside this async function, which handles requests (.post()) while other requests wait';
const IN_MIDDLEWARE = 'inside this async function, which handles requests (.use()) while other requests wait';

// a dynamic import loads asynchronously: the listing is the one blocking step, so it stays reported
const IMPORTS_EACH = `import fs from 'node:fs';
import path from 'node:path';
export async function loadRoutes(app, dir) {
  for (const file of fs.readdirSync(dir)) {
    const route = await import(path.join(dir, file));
    app.use(route.default);
  }
}`;

// a read whose result `require` does not load: the template is read on every call
const READS_BESIDE_REQUIRE = `import fs from 'node:fs';
export async function renderPage(name, data) {
  const engine = require('./engine');
  const template = fs.readFileSync(name, 'utf8');
  return engine.render(template, await data);
}`;

// the listing only decides which fixed module loads, per request: the listing is the blocking step
const TESTS_LISTING = `import fs from 'node:fs';
export async function messagesFor(lang) {
  const known = fs.readdirSync('./locales');
  const chosen = known.includes(lang + '.js') ? lang : 'en';
  return require('./locales/' + chosen);
}`;

// the modules are loaded later, in a listener, not by the function that lists the folder
const REQUIRES_LATER = `import fs from 'node:fs';
export async function watchPlugins(watcher, dir) {
  const files = fs.readdirSync(dir);
  watcher.on('change', () => files.forEach((file) => require(dir + '/' + file)));
  await watcher.ready();
}`;

// a webhook handler lists the folder on every request to pick one module: \`require\` answers from
// its cache after the first load, the listing goes to the disk each time
const LISTS_PER_REQUEST = `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
const handlersDir = path.join(__dirname, 'hooks');
app.post('/hooks/:provider', async (req, res) => {
  const file = fs.readdirSync(handlersDir).find((name) => name.startsWith(req.params.provider));
  if (!file) return res.sendStatus(404);
  const handle = require(path.join(handlersDir, file));
  await handle(req.body);
  res.sendStatus(204);
});`;

// the same per request, every module of the folder reloaded: still a listing on each request
const RELOADS_PER_REQUEST = `import express from 'express';
import fs from 'node:fs';
const app = express();
app.post('/admin/reload', async (req, res) => {
  for (const name of fs.readdirSync('./plugins')) require('./plugins/' + name).reset();
  res.send(await status());
});`;

// one module picked from the listing on each call (a lookup, as a handler makes it), not a folder
// loaded: the listing is repeated while the picked module comes from the cache
const PICKS_ONE = `import fs from 'node:fs';
import path from 'node:path';
export async function handlerFor(provider) {
  const file = fs.readdirSync('./hooks').find((name) => name.startsWith(provider));
  return file ? require(path.join('./hooks', file)) : null;
}`;

// the same, the first match by index
const FIRST_MATCH = `import fs from 'node:fs';
export async function themeFor(user) {
  const css = fs.readdirSync('./themes').filter((name) => name.startsWith(user.theme))[0];
  return require('./themes/' + css);
}`;

// production: the app serves the built page, and mounts no dev server
const PRODUCTION_PAGE = `import fs from 'node:fs';
import { createServer as createViteServer } from 'vite';
export async function development(app) {
  const vite = await createViteServer({ server: { middlewareMode: true } });
  app.use(vite.middlewares);
}
export function production(site) {
  site.get('/', async (req, res) => {
    res.send(fs.readFileSync('dist/index.html', 'utf8'));
    await log(req.url);
  });
}`;

// the dev server is mounted in development only: in production the same route serves every visitor
const DEV_ONLY_MOUNT = `import express from 'express';
import fs from 'node:fs';
import { createServer as createViteServer } from 'vite';
export async function createApp(isProduction) {
  const app = express();
  if (!isProduction) {
    const vite = await createViteServer({ server: { middlewareMode: true } });
    app.use(vite.middlewares);
  }
  app.use('*', async (req, res) => {
    const manifest = JSON.parse(fs.readFileSync('dist/manifest.json', 'utf8'));
    res.send(await render(req.originalUrl, manifest));
  });
  return app;
}`;

// production returns before the mount: the route registered first serves production visitors
const RETURNS_BEFORE_MOUNT = `import express from 'express';
import fs from 'node:fs';
import { createServer as createViteServer } from 'vite';
export async function createApp(isProduction = process.env.NODE_ENV === 'production') {
  const app = express();
  app.get('/api/report/:id', async (req, res) => {
    const text = fs.readFileSync(\`./reports/\${req.params.id}.json\`, 'utf8');
    res.json(JSON.parse(await decrypt(text)));
  });
  if (isProduction) {
    app.use(express.static('dist/client'));
    return app;
  }
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' });
  app.use(vite.middlewares);
  return app;
}`;

// Vite's preview server serves a production build
const PREVIEW_SERVER = `import fs from 'node:fs';
import { preview } from 'vite';
export async function servePreview() {
  const server = await preview({ preview: { port: 4173 } });
  server.middlewares.use(async (req, res) => {
    res.end(fs.readFileSync('dist' + req.url));
    await log(req.url);
  });
}`;

ruleTester.run('no-blocking-in-async (folders of modules and development servers)', testedRule, {
  valid: [
    // a bot's start-up loads its command modules: one folder per category, one module per file
    `import fs from 'node:fs';
import path from 'node:path';
export class Bot {
  async loadCommands() {
    const root = path.join(process.cwd(), 'dist', 'commands');
    for (const category of fs.readdirSync(root)) {
      const files = fs.readdirSync(path.join(root, category)).filter((file) => file.endsWith('.js'));
      for (const file of files) {
        const Command = require(path.join(root, category, file)).default;
        this.commands.set(file, new Command(this, category));
      }
    }
    await this.deploy();
  }
}`,
    // a plugin loader, through a chain and destructuring, inside a try
    `import fs from 'node:fs';
import path from 'node:path';
const folder = path.join(__dirname, 'plugins');
export default async function loadPlugins(client) {
  try {
    const names = fs.readdirSync(folder).filter((name) => name.endsWith('.js'));
    for (const name of names) {
      const { default: plugin } = require(path.join(folder, name));
      await plugin.initialize(client);
    }
  } catch (error) {
    client.log(error);
  }
}`,
    // an inline callback over the listing, the path built in a template
    `import fs from 'node:fs';
export async function mountHandlers(app) {
  fs.readdirSync('./handlers').forEach((name) => {
    app.use(require(\`./handlers/\${name}\`));
  });
  await app.ready();
}`,

    // an index loop over the listing loads each module too
    `import fs from 'node:fs';
import path from 'node:path';
export async function loadJobs(queue, dir) {
  const files = fs.readdirSync(dir);
  for (let i = 0; i < files.length; i++) queue.define(require(path.join(dir, files[i])));
  await queue.start();
}`,
    // a name taken from each file name (its first part) still names the module loaded
    `import fs from 'node:fs';
export async function registerEvents(client) {
  for (const file of fs.readdirSync('./events')) {
    const event = require(\`./events/\${file.split('.')[0]}\`);
    client.on(event.name, event.run);
  }
  await client.login();
}`,

    // Vite in middleware mode inside an Express app: the app's routes serve the developer's browser
    {
      code: `import express from 'express';
import fs from 'node:fs';
import { createServer as createViteServer } from 'vite';
export default async (app: express.Application) => {
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' });
  app.use(vite.middlewares);
  app.get('/', async (req, res) => {
    const html = fs.readFileSync('client/index.html', 'utf-8');
    res.send(await vite.transformIndexHtml(req.url, html));
  });
};`,
      filename: 'server/plugins/dev-server.ts',
    },
    // a guard clause that throws before the mount ends the set-up (no app serves anything then); a
    // helper's own return leaves the helper, not the function
    {
      code: `import express from 'express';
import fs from 'node:fs';
import { createServer as createViteServer } from 'vite';
export async function createDevApp(root) {
  if (!root) throw new Error('root is required');
  const app = express();
  const vite = await createViteServer({ root, server: { middlewareMode: true }, appType: 'custom' });
  function page(name) {
    return fs.readFileSync(root + '/' + name, 'utf-8');
  }
  app.use(vite.middlewares);
  app.get('/', async (req, res) => {
    const html = page('index.html') + fs.readFileSync(root + '/footer.html', 'utf-8');
    res.send(await vite.transformIndexHtml(req.url, html));
  });
  return app;
}`,
      filename: 'server/dev-app.ts',
    },
    // a Vite plugin of the application that mocks an API in the dev server
    {
      code: `import fs from 'node:fs';
export function mockApi() {
  return {
    name: 'mock-api',
    configureServer(server) {
      server.middlewares.use('/api', async (req, res) => {
        res.end(fs.readFileSync('mocks' + req.url + '.json'));
        await log(req.url);
      });
    },
  };
}`,
      filename: 'src/dev/mock-api.ts',
    },
    // webpack-dev-server's hook, given the server as its second parameter
    {
      code: `import fs from 'node:fs';
import WebpackDevServer from 'webpack-dev-server';
export function startDevServer(compiler) {
  const server = new WebpackDevServer({
    setupMiddlewares(middlewares, devServer) {
      devServer.app.get('/api/user', async (req, res) => {
        res.json(JSON.parse(fs.readFileSync('mocks/user.json', 'utf8')));
        await log(req.url);
      });
      return middlewares;
    },
  }, compiler);
  return server.start();
}`,
      filename: 'tools/dev-server.ts',
    },
    // a watcher listener of the Vite dev server, from the same hook
    {
      code: `import fs from 'node:fs';
export const reloadMocks = () => ({
  name: 'reload-mocks',
  configureServer(server) {
    server.watcher.on('change', async (file) => {
      const mock = JSON.parse(fs.readFileSync(file, 'utf8'));
      await server.ws.send({ type: 'custom', event: 'mock-changed', data: mock });
    });
  },
});`,
      filename: 'src/dev/reload-mocks.ts',
    },
    // webpack-dev-server's older hook, in the devServer options of an application's build module
    {
      code: `const fs = require('node:fs');
module.exports = {
  devServer: {
    before(app) {
      app.get('/api/settings', async (req, res) => {
        res.json(JSON.parse(fs.readFileSync('mocks/settings.json', 'utf8')));
        await audit(req);
      });
    },
  },
};`,
      filename: 'src/dev/options.js',
    },
  ],
  invalid: [
    {
      code: IMPORTS_EACH,
      errors: [fsError(IMPORTS_EACH, 'readdir', 'fs.readdirSync(dir)', 'await readdir(dir)', 4, 22, IN_EXPORTED)],
    },
    {
      code: READS_BESIDE_REQUIRE,
      errors: [fsError(READS_BESIDE_REQUIRE, 'readFile', 'fs.readFileSync(name', 'await readFile(name', 4, 20, IN_EXPORTED)],
    },
    {
      code: TESTS_LISTING,
      errors: [fsError(TESTS_LISTING, 'readdir', "fs.readdirSync('./locales')", "await readdir('./locales')", 3, 17, IN_EXPORTED)],
    },
    {
      code: REQUIRES_LATER,
      errors: [fsError(REQUIRES_LATER, 'readdir', 'fs.readdirSync(dir)', 'await readdir(dir)', 3, 17, IN_EXPORTED)],
    },
    {
      code: LISTS_PER_REQUEST,
      filename: 'server/hooks.ts',
      errors: [fsError(LISTS_PER_REQUEST, 'readdir', 'fs.readdirSync(handlersDir)', '(await readdir(handlersDir))', 7, 16, IN_POST)],
    },
    {
      code: RELOADS_PER_REQUEST,
      filename: 'server/admin.ts',
      errors: [fsError(RELOADS_PER_REQUEST, 'readdir', "fs.readdirSync('./plugins')", "await readdir('./plugins')", 5, 22, IN_POST)],
    },
    {
      code: PICKS_ONE,
      errors: [fsError(PICKS_ONE, 'readdir', "fs.readdirSync('./hooks')", "(await readdir('./hooks'))", 4, 16, IN_EXPORTED)],
    },
    {
      code: FIRST_MATCH,
      errors: [fsError(FIRST_MATCH, 'readdir', "fs.readdirSync('./themes')", "(await readdir('./themes'))", 3, 15, IN_EXPORTED)],
    },
    {
      code: PRODUCTION_PAGE,
      filename: 'server/app.ts',
      errors: [fsError(PRODUCTION_PAGE, 'readFile', "fs.readFileSync('dist/index.html'", "await readFile('dist/index.html'", 9, 14, IN_ROUTE)],
    },
    {
      code: DEV_ONLY_MOUNT,
      filename: 'server/app.ts',
      errors: [fsError(DEV_ONLY_MOUNT, 'readFile', "fs.readFileSync('dist/manifest.json'", "await readFile('dist/manifest.json'", 11, 33, IN_MIDDLEWARE)],
    },
    {
      code: RETURNS_BEFORE_MOUNT,
      filename: 'server/app.ts',
      errors: [fsError(RETURNS_BEFORE_MOUNT, 'readFile', 'fs.readFileSync(`', 'await readFile(`', 7, 18, IN_ROUTE)],
    },
    {
      code: PREVIEW_SERVER,
      filename: 'server/preview.ts',
      errors: [fsError(PREVIEW_SERVER, 'readFile', "fs.readFileSync('dist' + req.url)", "await readFile('dist' + req.url)", 6, 13, IN_MIDDLEWARE)],
    },
  ],
});
