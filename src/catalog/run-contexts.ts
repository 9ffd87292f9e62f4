/**
 * Data for `analysis/where-it-runs.ts`: the APIs and conventions that say whether an async
 * function runs alongside other work (concurrently), alone (a one-shot script), or in a worker
 * thread. Module names are specifiers as users write them; Node built-ins also match `node:`.
 */

/**
 * `Promise` statics that start every promise of their argument before waiting for any: the
 * functions whose calls are written inside run at the same time.
 */
export const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * Promise chain methods: `f().then(...)` is still the promise of `f()`; a callback given to one
 * runs as part of the chain that the enclosing function started (or awaits).
 */
export const PROMISE_CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Array methods that call an async callback once per item without waiting between calls, so the
 * calls run at the same time (`items.map(async (x) => ...)`, `items.forEach(async ...)`).
 */
export const PER_ITEM_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find']);

/**
 * Concurrency limiters: a function handed to one of these (or to what they return, such as the
 * `limit` of `const limit = pLimit(4)` or a `new PQueue()`) runs beside the others it was given.
 * `async` is caolan/async (`eachLimit`, `mapLimit`, `parallel`, `queue`...); its `series`-style
 * helpers are listed in `SEQUENTIAL_LIMITER_METHODS`.
 */
export const LIMITER_MODULES: ReadonlySet<string> = new Set([
  'p-limit',
  'p-map',
  'p-queue',
  'p-all',
  'p-throttle',
  'p-props',
  'p-filter',
  'async',
  'async-es',
  'bottleneck',
  '@supercharge/promise-pool',
  'tiny-async-pool',
  'promise-pool',
  'es6-promise-pool',
]);

/** Methods of the limiter modules that run their functions one after another, not at the same time. */
export const SEQUENTIAL_LIMITER_METHODS: ReadonlySet<string> = new Set([
  'series',
  'eachSeries',
  'mapSeries',
  'forEachSeries',
  'eachOfSeries',
  'forEachOfSeries',
  'filterSeries',
  'rejectSeries',
  'detectSeries',
  'someSeries',
  'everySeries',
  'concatSeries',
  'timesSeries',
  'waterfall',
  'whilst',
  'doWhilst',
  'until',
  'doUntil',
  'retry',
]);

/**
 * Node built-ins whose `createServer(handler)` calls `handler` once per request, while other
 * requests are in flight.
 */
export const SERVER_MODULES: ReadonlySet<string> = new Set(['http', 'https', 'http2', 'net', 'tls']);

/**
 * Packages a server is built on (HTTP and WebSocket frameworks): a package that depends on one and
 * publishes its entry as a `bin` (`npx notes-server`) is a server started from the command line,
 * not a one-shot command. An MCP SDK alone is no such evidence: a CLI's `mcp` command serves one
 * editor over stdio (an MCP server over HTTP depends on an HTTP framework too).
 */
export const SERVER_FRAMEWORK_PACKAGES: ReadonlySet<string> = new Set([
  'express', 'fastify', 'koa', '@koa/router', 'koa-router', '@hapi/hapi', 'hapi', 'restify', 'polka', 'hono', 'h3', 'micro',
  '@nestjs/core', 'next', 'nuxt', 'ws', 'socket.io', 'apollo-server', '@apollo/server', 'graphql-yoga', 'elysia', 'sails',
]);

/** The factory functions of `SERVER_MODULES` that take a request or connection handler. */
export const SERVER_FACTORIES: ReadonlySet<string> = new Set(['createServer', 'createSecureServer']);

/**
 * Route registration methods of HTTP frameworks (express, koa-router, fastify, hono, restify,
 * polka, h3...): a function registered with one runs once per matching request, while other
 * requests wait for the event loop. Matched when the first argument is a path (a string, template
 * or regular expression) or when the method is `use` (middleware).
 */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'head',
  'options',
  'all',
  'use',
  'route',
]);

/**
 * Exports that Next.js (app router), SvelteKit, Remix/React Router, Astro and similar frameworks
 * call once per request: `export async function GET(request)`, `export const loader = async ...`.
 */
export const REQUEST_HANDLER_EXPORTS: ReadonlySet<string> = new Set([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'loader',
  'action',
  'getServerSideProps',
  'middleware',
]);

/** Event-emitter registration methods: the listener runs once per event, beside other work. */
export const EVENT_METHODS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'addEventListener',
  'subscribe',
]);

/**
 * Events that fire once, when a client or server has started (discord.js `client.on('ready')`,
 * `server.on('listening')`): their listeners do start-up work (register commands, load files) once,
 * before the program serves anything.
 */
export const STARTUP_EVENTS: ReadonlySet<string> = new Set(['ready', 'clientReady', 'listening']);

/**
 * Names of routines a program runs once when it starts (see `WhereItRuns`, `start-up` evidence):
 * - `init`, `initialize`, `boot`, `bootstrap`, `setup`, `seed`, `start`, alone or as the first word
 *   of a longer name (`initCache`, `bootstrapServer`, `setupRoutes`, `seedDatabase`; not `start`,
 *   whose longer names are per-item work: `startJob`, `startUpload`), and the start-up hooks of
 *   application frameworks (NestJS `onModuleInit`, `onApplicationBootstrap`);
 * - `refresh`/`reload`/`sync`/`scan` ... `From` a local source of definitions (`Disk`, `Files`,
 *   `Folder`, `Dir`, `Config`, `Modules`): `refreshProvidersFromDisk`, `syncPluginsFromFolder`:
 *   a registry of modules brought in line with what is installed, which a server does at boot.
 */
export const STARTUP_ROUTINE_NAME =
  /^(?:(?:init|initiali[sz]e|boot|bootstrap|setup|setUp|seed)(?:[A-Z0-9_]\w*)?|start|onModuleInit|onApplicationBootstrap|(?:refresh|reload|sync|scan)\w*From(?:Disk|Files?|Folders?|Dirs?|Directory|Directories|Fs|FileSystem|Config|Modules?))$/;

/**
 * The function an editor calls once when it activates an extension (VS Code's exported
 * `activate(context)`, once per window's extension host): the extension's start-up, handed the
 * extension's own context rather than an item of work. Only a module-level function of an editor
 * extension's package counts (`WhereItRuns.startUpRoutine`).
 */
export const EDITOR_ACTIVATION_HOOKS: ReadonlySet<string> = new Set(['activate']);

/** Start-up hooks an application framework calls once per instance of a singleton provider (NestJS). */
export const STARTUP_HOOKS: ReadonlySet<string> = new Set(['onModuleInit', 'onApplicationBootstrap']);

/**
 * Parameter names a start-up routine may take (`init(app)`, `bootstrap(options)`): the program or
 * its settings, not an item of work. A start-up routine takes nothing else (or an object of
 * options, `init({ activate = false } = {})`); a function handed an item (`initPayment(order)`)
 * does per-item work whatever its name.
 */
export const STARTUP_ROUTINE_PARAMETERS: ReadonlySet<string> = new Set(['app', 'application', 'server', 'options', 'opts', 'config', 'settings']);

/**
 * Queue consumers: methods that register a function run once per job or message (bull's
 * `queue.process(fn)`, amqplib's `channel.consume(queue, fn)`), and the handler properties of
 * consumer options (kafkajs `consumer.run({ eachMessage })`, sqs-consumer `{ handleMessage }`).
 * bullmq's `new Worker(name, fn)` is recognised through `QUEUE_WORKER_MODULES`.
 */
export const QUEUE_METHODS: ReadonlySet<string> = new Set(['process', 'consume']);
export const QUEUE_HANDLER_PROPERTIES: ReadonlySet<string> = new Set([
  'eachMessage',
  'eachBatch',
  'handleMessage',
  'handleMessageBatch',
  'processor',
]);
export const QUEUE_WORKER_MODULES: ReadonlySet<string> = new Set(['bullmq', 'bee-queue', 'pg-boss']);

/**
 * Scheduling functions: a callback given to one runs later, beside whatever else is running then.
 */
export const DEFERRING_GLOBALS: ReadonlySet<string> = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
]);

/**
 * Command-line libraries and where they take a command's handler. A process started to run one
 * command runs that handler once, with nothing else waiting on the event loop.
 * - `methods`: registration methods whose last function argument is the handler (commander and
 *   cac `.action(fn)`, yargs `.command(name, description, builder, handler)`, sade `.action`);
 * - `properties`: properties of an object literal that hold the handler (yargs command modules
 *   `{ handler }`, citty `defineCommand({ run })`, gunshi `{ run }`);
 * - `classMethods`: methods of a class that extends the library's command class (clipanion
 *   `execute()`, oclif `run()`).
 */
export const CLI_LIBRARIES: readonly {
  readonly modules: readonly string[];
  readonly methods: readonly string[];
  readonly properties: readonly string[];
  readonly classMethods: readonly string[];
}[] = [
  { modules: ['commander', '@commander-js/extra-typings'], methods: ['action'], properties: [], classMethods: [] },
  { modules: ['yargs', 'yargs/yargs'], methods: ['command'], properties: ['handler'], classMethods: [] },
  { modules: ['cac', 'sade'], methods: ['action'], properties: [], classMethods: [] },
  { modules: ['citty', 'gunshi'], methods: [], properties: ['run'], classMethods: [] },
  { modules: ['clipanion'], methods: [], properties: [], classMethods: ['execute'] },
  { modules: ['@oclif/core', '@oclif/command'], methods: [], properties: [], classMethods: ['run'] },
];

/**
 * Modules only a one-shot command-line program imports: the CLI libraries above, argument parsers
 * and interactive prompts (code that asks a person questions in a terminal runs once, for that
 * person, with nothing else waiting). A file that imports one is script code.
 */
export const SCRIPT_ONLY_MODULES: ReadonlySet<string> = new Set([
  ...CLI_LIBRARIES.flatMap((library) => library.modules),
  'meow',
  'minimist',
  'mri',
  'arg',
  'prompts',
  'inquirer',
  '@inquirer/prompts',
  'enquirer',
  '@clack/prompts',
  'zx',
]);

/**
 * Modules of browser UI frameworks (exact names, or a prefix ending in `/`): a file that imports one
 * is a component, hook, composable or page of an application's user interface (`WhereItRuns.runsInUi`).
 * `#imports` and `#app` are Nuxt's auto-import modules; jQuery and bootbox work on the page's DOM.
 */
export const UI_FRAMEWORK_MODULES: readonly string[] = [
  'react',
  'react-dom',
  'react-dom/client',
  'preact',
  'preact/hooks',
  'vue',
  'vue-router',
  'pinia',
  '#imports',
  '#app',
  'svelte',
  'svelte/store',
  'solid-js',
  '@angular/',
  'next/navigation',
  'next/router',
  'jquery',
  'bootbox',
];

/**
 * Type packages a TypeScript program lists in `compilerOptions.types` only when it is a page bundle
 * for the browser: Vite's `vite/client` describes `import.meta.env`/`hot` of code Vite serves to a
 * page. A program that lists one with a DOM `lib` and without `node` types is browser UI code
 * (`WhereItRuns.runsInUi`, typed evidence).
 */
export const BROWSER_BUNDLE_TYPES: ReadonlySet<string> = new Set(['vite/client']);

/** File extensions of UI components (`.vue`, `.svelte` single-file components, JSX files). */
export const UI_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.tsx', '.jsx', '.vue', '.svelte']);

/**
 * Folders that hold an application's user interface by convention: Vue/Nuxt `composables/`, an
 * Electron app's `renderer/`, `components/`. Matched as a path segment below the nearest `package.json`.
 */
export const UI_FOLDERS: ReadonlySet<string> = new Set(['composables', 'renderer', 'components']);

/**
 * Packages a web front end depends on to render its pages in the browser (`next`, `react-dom`,
 * `vue`, `nuxt`, `svelte`, `@sveltejs/kit`, `solid-js`, `preact`, `@angular/core`): with no
 * server of its own in the package (see `WhereItRuns.runsInUi`), its modules that work on the page
 * are the browser half of the app. Not `react` alone: a terminal UI (Ink) or a native app uses it too.
 */
export const WEB_FRONT_END_PACKAGES: ReadonlySet<string> = new Set(['next', 'react-dom', 'vue', 'nuxt', 'svelte', '@sveltejs/kit', 'solid-js', 'preact', '@angular/core']);

/**
 * Frameworks that render a web front end's pages on a server too (server-side rendering, route
 * handlers, server components): a package that depends on one keeps server code beside its
 * browser code, so only a module's own evidence says which half it is. A package that renders
 * with `react-dom`, `vue` or `svelte` without one of these is a single-page app: its own modules
 * run in the page.
 */
export const SERVER_RENDERING_PACKAGES: ReadonlySet<string> = new Set([
  'next',
  'nuxt',
  '@sveltejs/kit',
  'astro',
  'gatsby',
  '@remix-run/node',
  '@remix-run/react',
  '@react-router/node',
  '@angular/ssr',
  '@nguniversal/express-engine',
  '@solidjs/start',
  'solid-start',
  '@builder.io/qwik-city',
  'vike',
  'vite-plugin-ssr',
]);

/**
 * Client state libraries (`zustand` and its `zustand/middleware`, `jotai`, `valtio`, `nanostores`):
 * a module that builds a store with one of them holds the page's state, in a web front end's
 * browser bundle (see `WhereItRuns.runsInUi`).
 */
export const CLIENT_STORE_MODULES: readonly string[] = ['zustand', 'zustand/', 'jotai', 'jotai/', 'valtio', 'valtio/', 'nanostores'];

/**
 * Folders a web server hands to the browser as they are (`public/`, `static/`): a script there that
 * works on the page (`document`, `window`, jQuery's `$(...)`) is the client side of the application.
 * Matched as a path segment below the nearest `package.json`.
 */
export const STATIC_ASSET_FOLDERS: ReadonlySet<string> = new Set(['public', 'static']);

/**
 * File names (without extension) of a program's entry module: `main.ts` of a server that starts
 * `bootstrap()`, `index.js` of a bot that starts `start()`, `worker.ts` of a worker process (spawned
 * by the application's start file) that starts `init()`. Only with `WhereItRuns.isProgramEntry`'s
 * other evidence (it starts an async function of its own and exports nothing).
 */
export const ENTRY_FILE_NAMES: ReadonlySet<string> = new Set(['main', 'index', 'server', 'app', 'bootstrap', 'start', 'entry', 'worker']);

/**
 * File names (without extension) of a one-shot task a project runs by hand or from a package
 * script (`prisma/seed.ts`, `db/migrate.ts`): with `WhereItRuns.isOneShotTask`'s other evidence
 * (it starts an async function of its own and exports nothing), the file is such a program.
 */
export const ONE_SHOT_TASK_NAMES: ReadonlySet<string> = new Set(['seed', 'migrate']);

/**
 * Folders whose files are one-shot programs by convention (`scripts/release.mjs`, `bin/cli.js`)
 * or the commands of a command-line program (`commands/install.ts`, `cmd/doctor.ts`, `cli/run.ts`).
 * Matched as a path segment below the nearest `package.json` (below the lint root when the file
 * has no `package.json` above it).
 */
export const SCRIPT_FOLDERS: ReadonlySet<string> = new Set(['scripts', 'bin', 'cmd', 'commands', 'cli']);

/**
 * Folders right below a package's root that hold its maintainers' tools (`devtools/`, `tools/`):
 * a module there that exports nothing is a program a maintainer runs by hand or from a package
 * script (`tsx ./devtools/reset-package-json`), like a file of `scripts/` (see
 * `WhereItRuns.script`). Only right below the root: a `src/tools/` folder of an application (an
 * assistant's tools, a CLI's helpers) is part of the program.
 */
export const MAINTAINER_TOOL_FOLDERS: ReadonlySet<string> = new Set(['devtools', 'tools']);

/**
 * Folders right below a package's root whose files are programs its maintainers or its operators
 * run by hand (`scripts/release.mjs`, an application's `bin/repairRecord.ts` admin script): see
 * `WhereItRuns.oneShotProgram`. A package kept in such a folder (`bin/package.json` of the admin
 * scripts) counts too. `cmd/`, `commands/` and `cli/` are left out: they hold the commands of a
 * published command-line program, whose latency its users wait for.
 */
export const HAND_RUN_FOLDERS: ReadonlySet<string> = new Set(['scripts', 'bin']);

/**
 * A folder of examples (`examples/`, `Example/`, any case): demonstration programs shipped beside
 * a library, run by a reader to see it work (see `WhereItRuns.oneShotProgram`).
 */
export const EXAMPLE_FOLDER = /^examples?$/i;

/**
 * Modules whose API exists only while a build tool prepares an app (Expo's config plugins, which
 * edit the native projects when the app is built): a file that imports one runs in that build,
 * once, on a developer's or a build server's machine (see `WhereItRuns.oneShotProgram`).
 */
export const BUILD_TIME_MODULES: ReadonlySet<string> = new Set(['@expo/config-plugins', 'expo/config-plugins']);

/**
 * Hooks that a bundler or framework calls once per build, one build at a time, after the
 * previous step finished (Rollup/Vite output hooks, SvelteKit adapters' `adapt`, build-app
 * steps): the function is async only to await the build tool. Per-module hooks (`transform`,
 * `load`, `resolveId`) run concurrently and are not listed.
 */
export const BUILD_HOOKS: ReadonlySet<string> = new Set([
  'adapt',
  'buildStart',
  'buildEnd',
  'renderStart',
  'generateBundle',
  'writeBundle',
  'closeBundle',
  'buildApp',
  'onSuccess',
]);

/**
 * Folders that hold database migrations (Sequelize, Knex, TypeORM, MikroORM, umzug, node-pg-migrate
 * keep them in `migrations/`), and the steps a migration module exports: the migration runner
 * calls one step at a time, before the application serves anything (a deploy step or start-up).
 */
export const MIGRATION_FOLDERS: ReadonlySet<string> = new Set(['migrations', 'migration']);
/** Folders of one-time seed data (`database/seeders/users.ts`): run once per environment, like a migration. */
export const SEED_FOLDERS: ReadonlySet<string> = new Set(['seeds', 'seeders']);
export const MIGRATION_STEPS: ReadonlySet<string> = new Set(['up', 'down']);
/** The step a seed runner calls in each module of a seeds folder (knex: `export async function seed(knex)`). */
export const SEED_STEPS: ReadonlySet<string> = new Set(['seed']);

/**
 * A hook key of a Serverless Framework plugin that runs before or after a step of a command: it
 * names the command and its event (`'before:deploy:deploy'`, `'after:package:finalize'`). With
 * `this.hooks` set in a constructor, the plugin shape of that tool (see
 * `WhereItRuns.definesCommandPlugin`). An ORM's or an event host's `'before:save'`, `'after:create'`
 * names one event, run per record or message.
 */
export const LIFECYCLE_HOOK_KEY = /^(?:before|after):[\w-]+:[\w-]+/;

/**
 * The name of a package script that is a seed or migrate step (`seed`, `db:seed`, `migrate`,
 * `migrate:latest`, `db:migrate:reset`): the files it runs may be one-shot task programs (see
 * `WhereItRuns.isOneShotTask`, which also wants the program's own shape). Only a name that IS such a
 * step: `start:migrate` and `dev:seed` run the application after the step, `migrate-and-start`
 * too.
 */
export const DATABASE_SCRIPT_NAME = /^(?:db:)?(?:seed|migrat\w*)(?::|$)/i;

/**
 * The name of a package script that starts the application (`start`, `start:prod`, `start-worker`,
 * `start.prod`, `dev`, `serve`, `server`, `main`, `prod`, `preview`, `watch`): a file it names is the
 * application's, never a seed program, even when a database script names it too.
 */
export const START_SCRIPT_NAME = /^(?:start|dev|serve|server|main|prod|preview|watch)(?:[:.-]|$)/i;

/**
 * A `START_SCRIPT_NAME` variant named for a seed or migrate step (`prod:seed`, `dev-seed`,
 * `start:migrate`, `dev:db:seed`): its first command is the step, and only what runs after it
 * (`prisma migrate deploy && node dist/server.js`) starts the application.
 */
export const START_STEP_VARIANT_NAME = /^[a-z]+[:.-](?:db[:.-])?(?:seed|migrat)/i;

/**
 * Modules whose import says the file is written to run as a function of a platform that hands each
 * instance one event at a time (AWS Lambda, and Netlify Functions, which run on it): the types of
 * Lambda's events and handlers (`aws-lambda`, from `@types/aws-lambda`) and Netlify's function
 * helpers. Cloudflare Workers and Vercel's fluid compute take several requests per instance and have
 * no module here.
 */
export const FUNCTION_HOST_MODULES: ReadonlyMap<string, 'aws-lambda' | 'netlify'> = new Map([
  ['aws-lambda', 'aws-lambda'],
  ['@netlify/functions', 'netlify'],
]);

/** The conventional functions folder of a Netlify site (`netlify/functions/hello.ts`), which needs no `netlify.toml` entry. */
export const NETLIFY_FUNCTIONS_PATH: readonly string[] = ['netlify', 'functions'];

/**
 * Build and development tools whose `<tool>.config.*` file runs in the developer's build or dev
 * server (see `WhereItRuns.isToolConfig`).
 */
export const TOOL_CONFIG_NAMES: ReadonlySet<string> = new Set([
  'vite',
  'vitest',
  'webpack',
  'rollup',
  'rolldown',
  'rspack',
  'tsup',
  'tsdown',
  'esbuild',
  'astro',
  'svelte',
  'nuxt',
  'next',
  'remix',
  'playwright',
  'jest',
  'karma',
  'cypress',
  'storybook',
]);

/**
 * The name of a build tool's plugin package, with the tool's name in group 1 (scoped official
 * plugins: `@vitejs/plugin-react`, `@rollup/plugin-json`), 2 (`vite-plugin-pwa`,
 * `@scope/rollup-plugin-x`) or 3 (`copy-webpack-plugin`); see `BUILD_TOOL_PACKAGES` for the
 * package the tool is installed as.
 */
export const BUILD_TOOL_PLUGIN_NAME =
  /^(?:@(vitejs|rollup)\/plugin-[\w.-]+|(?:@[\w.-]+\/)?(vite|rollup|rolldown|esbuild|webpack|rspack)-plugin-[\w.-]+|(?:@[\w.-]+\/)?[\w.-]+-(vite|rollup|rolldown|esbuild|webpack|rspack)-plugin)$/;

/** The package a build tool named in a plugin's name is installed as (`BUILD_TOOL_PLUGIN_NAME`). */
export const BUILD_TOOL_PACKAGES: ReadonlyMap<string, string> = new Map([
  ['vite', 'vite'],
  ['vitejs', 'vite'],
  ['rollup', 'rollup'],
  ['rolldown', 'rolldown'],
  ['esbuild', 'esbuild'],
  ['webpack', 'webpack'],
  ['rspack', '@rspack/core'],
]);

/** Folders a package's built `bin` target usually lives in, mapped back to `src` for its source file. */
export const BUILD_FOLDERS: ReadonlySet<string> = new Set(['dist', 'lib', 'build', 'out']);

/**
 * The file name (without extension) of a module that a worker pool loads into each of its child
 * processes or threads and calls by exported name, one task at a time per worker (jest-worker's
 * `worker.ts`/`testWorker.ts`, a piscina or workerpool `hash.worker.js`, a bullmq sandboxed
 * processor `resize-worker.js`): `worker`, or a name ending in `.worker`, `-worker`, `_worker` or
 * a camel-case `...Worker`.
 */
export const WORKER_MODULE_NAME = /(?:^|[-_.])[Ww]orker$|[a-z0-9]Worker$/;

/**
 * Queue libraries whose worker processes run several jobs at once (a `concurrency` option): a
 * file that imports one is a job consumer, not a pool's one-task-at-a-time worker module, even
 * when it is named `worker`.
 */
export const CONCURRENT_QUEUE_MODULES: ReadonlySet<string> = new Set([
  ...QUEUE_WORKER_MODULES,
  'bull',
  'kafkajs',
  'amqplib',
  'sqs-consumer',
  'agenda',
]);

/**
 * The name of a package that holds a program's configuration loading (`jest-config`,
 * `@scope/config`, `@scope/config.reader`, `config-loader`): its last segment is `config`, ends in
 * `-config`/`.config`, or starts with `config-`/`config.`. Its exported loaders run once, at
 * start-up, before the program does any work (see `AloneEvidence`'s `config-package`).
 */
export const CONFIG_PACKAGE_NAME = /^(?:@[^/]+\/)?(?:[^/]*[-.])?config(?:[-.][^/]*)?$/;

/**
 * Paths of scripts by name alone: a file below a `bin/`, `script(s)/`, `example(s)/` or
 * `bench(marks)/` folder, one named `cli.*`, `bin.*`, `bundle.*`, `bench.*` (also `cli-foo.ts`), or
 * `example.js`: command-line entry points and samples, not library code (`/`-separated path).
 */
export const SCRIPT_FILE_PATH = /(?:^|\/)(?:bin|scripts?|examples?|bench(?:marks?)?)\/|(?:^|\/)(?:cli|bundle|bench|bin)[.\w-]*\.[cm]?[jt]sx?$|(?:^|\/)example\.[cm]?js$/;

/**
 * Packages whose presence among a package's dependencies (any kind: Electron apps list it as a
 * dev dependency) makes it a desktop app: its main process serves one person.
 */
export const DESKTOP_APP_PACKAGES: ReadonlySet<string> = new Set(['electron']);

/**
 * Tools that package an Electron app for people to install (a dependency of any kind, or any
 * package of the `@electron-forge/` scope): a package that lists one of them beside `electron`
 * ships as an app, not as a library that merely supports Electron (`electron-store` tests against
 * `electron` but packages nothing). See `PackageInfo.electronApp`.
 */
export const ELECTRON_APP_PACKAGERS: ReadonlySet<string> = new Set([
  'electron-builder',
  'electron-packager',
  '@electron/packager',
  'electron-forge',
  'electron-vite',
  'electron-webpack',
]);

/**
 * Text of a Node program that runs beside an Electron app's main process rather than in it: a
 * child process forked or spawned by the app (`process.send(...)`, `process.on('message', ...)`),
 * an Electron utility process (`process.parentPort`), or a program that installs its own handler
 * of unhandled rejections (`process.on('unhandledRejection', ...)`): Electron's warning mode does
 * not apply to it.
 */
export const SEPARATE_NODE_PROGRAM = /\bprocess\s*\.\s*(?:send\s*\(|parentPort\b|on\s*\(\s*['"`](?:message|unhandledRejection)['"`])/;

/**
 * Exports of `electron` that exist only in the main process (the renderer reaches them only
 * through IPC or `remote`): a module that imports one runs in the main process. Electron runs
 * that process with unhandled rejections in a warning mode (`warn`, since Electron 24
 * `warn-with-error-code`): a rejection nobody handles is logged and the app goes on, as under a
 * program's own reporter.
 */
export const ELECTRON_MAIN_PROCESS_APIS: ReadonlySet<string> = new Set([
  'app',
  'autoUpdater',
  'BaseWindow',
  'BrowserWindow',
  'dialog',
  'globalShortcut',
  'ipcMain',
  'Menu',
  'MenuItem',
  'nativeTheme',
  'powerMonitor',
  'powerSaveBlocker',
  'protocol',
  'session',
  'systemPreferences',
  'Tray',
  'utilityProcess',
  'webContents',
]);

/**
 * Exports of `electron` that exist only in a renderer (a window's page, or its preload script):
 * a module that imports one, and none of `ELECTRON_MAIN_PROCESS_APIS`, runs in a window. A
 * rejection nobody handles there reaches that window's developer console; no process ends.
 */
export const ELECTRON_RENDERER_PROCESS_APIS: ReadonlySet<string> = new Set(['ipcRenderer', 'webFrame', 'contextBridge', 'webUtils']);

/**
 * Node's built-in modules that no browser has and no bundler stands in for (the file system,
 * processes, sockets, servers, threads, the terminal): a file that imports one runs in Node, even
 * when it sits in a browser extension's package (a native-messaging host, a companion server).
 * Modules that bundlers do replace for the browser (`path`, `events`, `buffer`, `util`, `url`) are
 * not listed.
 */
export const NODE_ONLY_MODULES: ReadonlySet<string> = new Set([
  'fs',
  'fs/promises',
  'child_process',
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'cluster',
  'worker_threads',
  'readline',
  'readline/promises',
  'os',
  'v8',
  'inspector',
  'repl',
]);

/**
 * The namespaces of a browser's extension API that only an extension's scripts (background, content,
 * popup, options) are given, below the `chrome`/`browser` global: the extension's own messaging,
 * storage, toolbar button, menus, injected scripts. A read through one (`chrome.runtime.sendMessage(...)`,
 * `browser.storage.local.get(...)`) places the file in an extension whatever its manifest looks
 * like. Not `tabs`, `windows`, `downloads` or `notifications`: a remote automation client of a
 * browser names its objects so too.
 */
export const EXTENSION_API_NAMESPACES: ReadonlySet<string> = new Set([
  'runtime',
  'storage',
  'scripting',
  'action',
  'browserAction',
  'pageAction',
  'contextMenus',
  'i18n',
  'alarms',
  'permissions',
  'webRequest',
  'declarativeNetRequest',
  'sidePanel',
  'offscreen',
  'extension',
]);

/** The globals a browser hands an extension's scripts its extension API through (`EXTENSION_API_NAMESPACES`). */
export const EXTENSION_API_GLOBALS: ReadonlySet<string> = new Set(['chrome', 'browser']);

/**
 * Packages that stand for the extension API in an extension's code (`import browser from
 * 'webextension-polyfill'`): a file that imports one runs as an extension's script.
 */
export const EXTENSION_API_MODULES: ReadonlySet<string> = new Set(['webextension-polyfill', 'wxt/browser', '@wxt-dev/browser']);

/**
 * Packages that drive a browser from Node (`puppeteer`, `playwright`, `selenium-webdriver`,
 * `webdriverio`): a file that imports one is Node code, though the functions it hands the page to
 * run may read the extension API (`page.evaluate(() => chrome.storage.local.get('k'))`).
 */
export const BROWSER_AUTOMATION_PACKAGES: ReadonlySet<string> = new Set([
  'puppeteer',
  'puppeteer-core',
  'playwright',
  'playwright-core',
  'playwright-chromium',
  '@playwright/test',
  'selenium-webdriver',
  'webdriverio',
]);

/**
 * Methods of a driven page or browser that run the function handed to them in the page, not in
 * the calling program (`page.evaluate(fn)`, `driver.executeScript(fn)`, `page.$eval(sel, fn)`).
 */
export const PAGE_EVALUATE_METHODS: ReadonlySet<string> = new Set(['evaluate', 'evaluateHandle', 'evaluateOnNewDocument', 'executeScript', 'executeAsyncScript', 'addInitScript', '$eval', '$$eval', 'execute', 'executeAsync']);

/**
 * Methods of `runtime` that a web page may call too, naming the extension it talks to first
 * (`chrome.runtime.sendMessage(EXTENSION_ID, message)`, allowed by the extension's
 * `externally_connectable`): with an extension id first, the caller need not be an extension.
 */
export const EXTERNAL_RUNTIME_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'connect']);

/** A value that names an extension by its id: a 32-letter id written out, or a name that says so (`EXTENSION_ID`, `extensionId`). */
export const EXTENSION_ID_NAME = /(?:^|_)(?:EXT|EXTENSION)_ID$|(?:^|_)(?:ext|extension)_id$|(?:^(?:ext|extension)|[a-z0-9](?:Ext|Extension))(?:Id|ID)$/;

/** An extension's id written out: 32 letters from `a` to `p`. */
export const EXTENSION_ID_LITERAL = /^[a-p]{32}$/;

/** A module named as a program's entry by convention (`src/main.ts` of a Nest or Electron app; `/`-separated path). */
export const MAIN_MODULE_PATH = /(?:^|\/)main\.[cm]?[jt]sx?$/;

/**
 * Packages that open an SQLite database in the process (a file on the local disk behind one
 * connection: statements queue one after another, whatever the caller gathers).
 */
export const SQLITE_DRIVER_PACKAGES: ReadonlySet<string> = new Set([
  'sqlite3',
  'better-sqlite3',
  'sqlite',
  '@journeyapps/sqlcipher',
  'expo-sqlite',
  'react-native-sqlite-storage',
  '@capacitor-community/sqlite',
  'sql.js',
  '@sqlite.org/sqlite-wasm',
]);

/**
 * Caches that live in the process and answer `get(key)` synchronously (node-cache, lru-cache,
 * quick-lru, memory-cache): `await cache.get(key)` of one waits for nothing.
 */
export const IN_PROCESS_CACHE_PACKAGES: ReadonlySet<string> = new Set(['node-cache', 'lru-cache', 'quick-lru', 'memory-cache', 'mnemonist']);

/**
 * Chat-platform clients that keep every object they have seen in one manager per kind and whose
 * `fetch(id)` answers from that manager's cache before asking the server (discord.js:
 * `guild.members.fetch(id)`, `client.channels.fetch(id)`, unless handed `{ force: true }`).
 * `CACHED_MANAGER_HOLDERS` lists the managers that do so.
 */
export const CACHE_FIRST_CLIENT_PACKAGES: ReadonlySet<string> = new Set(['discord.js']);

/**
 * The managers of a `CACHE_FIRST_CLIENT_PACKAGES` client whose `fetch(id)` reads the cache first,
 * each with the names of the objects that hold it (`guild.members`, `client.users`,
 * `interaction.guild.channels`): another service's client (`github.users.fetch(login)`) is no
 * such manager. Messages are left out: a channel keeps only a few recent ones, none after a
 * restart, so `channel.messages.fetch(storedId)` is mostly a request.
 */
export const CACHED_MANAGER_HOLDERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['members', new Set(['guild'])],
  ['roles', new Set(['guild'])],
  ['channels', new Set(['guild', 'client'])],
  ['emojis', new Set(['guild', 'client'])],
  ['users', new Set(['client'])],
  ['guilds', new Set(['client'])],
]);

/** Clients of caches and stores outside the process, besides `NETWORK_DATABASE_PACKAGES`: a `cache.get(key)` there may be a round trip. */
export const NETWORK_CACHE_PACKAGES: ReadonlySet<string> = new Set(['memcached', 'memjs', 'keyv', 'cache-manager', '@upstash/redis', '@keyv/redis', '@vercel/kv']);

/**
 * Clients of databases and services reached over a network (a pool, several connections, remote
 * latency): a package that depends on one of them does not keep all its data in one local SQLite file.
 */
export const NETWORK_DATABASE_PACKAGES: ReadonlySet<string> = new Set([
  'pg',
  'postgres',
  'mysql',
  'mysql2',
  'mariadb',
  'mssql',
  'tedious',
  'oracledb',
  'mongodb',
  'mongoose',
  'redis',
  'ioredis',
  '@prisma/client',
  'cassandra-driver',
  'neo4j-driver',
  '@planetscale/database',
  '@neondatabase/serverless',
  '@libsql/client',
  'firebase-admin',
  '@google-cloud/firestore',
  '@aws-sdk/client-dynamodb',
  '@supabase/supabase-js',
]);

/**
 * Test code (see `WhereItRuns.isTestCode`): a test runner loads it and runs one test after
 * another in a process that serves nobody, so a synchronous call there delays that test alone.
 * - `TEST_FILE_NAME`: a test file by its name (`orders.test.ts`, `user.spec.js`, `app.e2e-spec.ts`;
 *   not `*.e2e.ts`, a name end-to-end encryption modules use too);
 * - `TEST_FOLDERS`: a folder that holds only tests or mocks by convention (`__tests__/`, `__mocks__/`).
 *   Not a plain `test/` or `tests/`: a repository keeps labelled sample code, benchmarks and
 *   example servers there too (this project's own `tests/realistic/` corpora), and a test file
 *   there says so by its name, imports or `describe`; not a bare `e2e/`: an app may keep its
 *   end-to-end encryption there;
 * - `TEST_SUPPORT_FOLDER`: a folder (often a package of a monorepo) of helpers written for tests
 *   (`test-utils`, `e2e-utils`, `test-helpers`, `driver-test-support`), not a test runner's own
 *   code (`test-runner`, `jest-test-result` name no helpers);
 * - `FIXTURE_FOLDERS`: sample projects inside a test folder stand for the application under test,
 *   so their code is judged as that application's, not as test code;
 * - `TEST_FRAMEWORK_MODULES`: modules only tests import (runners, assertion and mocking libraries);
 * - `TEST_SETUP_FILE`: a test runner's set-up file by its name (`jest.setup.ts`, `vitest.setup.js`,
 *   `setupTests.ts`, `test-setup.js`), which runs only before the tests.
 */
export const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;
export const TEST_FOLDERS: ReadonlySet<string> = new Set(['__tests__', '__mocks__']);
/**
 * A plain folder of tests (`test/`, `tests/`, `spec/`): test code only together with evidence of
 * the file itself (`TEST_FOLDER_FILE_NAME`, `TEST_REGISTRATION_CALL`), since labelled samples,
 * benchmarks and example servers live there too.
 */
export const PLAIN_TEST_FOLDERS: ReadonlySet<string> = new Set(['test', 'tests', 'spec', 'specs']);
/**
 * A file name that says "test" in a test folder's own conventions: `query-tests.js`,
 * `login_test.js`, `pool_spec.js`, and helpers written for the tests (`test-utils.ts`,
 * `test-helper.js`, `testHelpers.ts`).
 */
export const TEST_FOLDER_FILE_NAME = /(?:[-_](?:tests?|spec)\.[cm]?[jt]sx?$)|(?:^(?:test|spec)[-_]?(?:utils?|helpers?|support|setup|harness)\.[cm]?[jt]sx?$)/i;
/**
 * A call that registers a test or a suite, at any depth (a helper module that exports a function
 * calling `describe`, a project's own suite object: `suite.test('name', ...)`): a name of the usual
 * test APIs followed by a string literal, called bare or on a suite object (not a method such as a
 * regular expression's `.test('...')`).
 */
export const TEST_REGISTRATION_CALL = /(?:(?:^|[^.\w$])(?:describe|it|test|suite|context|specify|Scenario|Feature)|\bsuite\s*\.\s*test)\s*\(\s*['"`]/m;
export const TEST_SUPPORT_FOLDER = /^(?:[\w.]+[-_])?(?:test|tests|testing|e2e)[-_](?:utils?|helpers?|support|setup|harness)$/;
export const FIXTURE_FOLDERS: ReadonlySet<string> = new Set(['fixtures', '__fixtures__', 'fixture']);
/**
 * For `analysis/test-harness.ts`: folders of the modules and samples a test loads by path, inside a
 * folder of tests: the fixture folders, and a `data/` folder (`test/data/demo-app/main.js`).
 */
export const TEST_DATA_FOLDERS: ReadonlySet<string> = new Set([...FIXTURE_FOLDERS, 'data']);
/**
 * For `analysis/test-harness.ts`: a folder of helpers right below a plain test folder
 * (`test/support/`, `spec/helpers/`, `tests/utils/`): modules written for the tests (a server the
 * tests call, a bundle step of a browser test page), by the same words `TEST_SUPPORT_FOLDER` reads
 * after its `test-` prefix.
 */
export const TEST_HELPER_SUBFOLDERS: ReadonlySet<string> = new Set(['support', 'helpers', 'helper', 'utils', 'util', 'setup', 'harness']);
/**
 * For `analysis/test-harness.ts`: type-assertion libraries (`expectType<Foo>(value)`): a file that
 * imports one is a type test, which the compiler checks and nothing runs.
 */
export const TYPE_TEST_MODULES: ReadonlySet<string> = new Set(['tsd', 'tsd-lite', 'expect-type', 'tstyche']);
/** For `analysis/test-harness.ts`: a type test by its name (`index.test-d.ts`, tsd's convention). */
export const TYPE_TEST_FILE_NAME = /\.test-d\.[cm]?tsx?$/;
/**
 * For `analysis/test-harness.ts`: a folder of tests named with a word besides `test` (`test-tap/`,
 * `integration-tests/`, `e2e_tests/`), read as a plain test folder is.
 */
export const NAMED_TEST_FOLDER = /^(?:[a-z0-9]+[-_])?(?:test|tests|spec|specs)(?:[-_][a-z0-9]+)?$/i;
/**
 * For `analysis/test-harness.ts`: Mocha's names for a test run's set-up, as code (an export of a
 * root-hook plugin, `exports.mochaHooks = { beforeAll() {...} }`; a global fixture,
 * `mochaGlobalSetup`/`mochaGlobalTeardown`): only a test run's set-up or its launcher uses them.
 */
export const TEST_RUN_SETUP_NAMES: ReadonlySet<string> = new Set(['mochaHooks', 'mochaGlobalSetup', 'mochaGlobalTeardown']);
export const TEST_SETUP_FILE = /^(?:[\w-]+\.setup|setup[-_]?tests?|tests?[-_]?setup)\.[cm]?[jt]sx?$/i;
export const TEST_FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'vitest',
  '@jest/globals',
  'bun:test',
  'mocha',
  'test',
  'ava',
  'tap',
  'uvu',
  '@playwright/test',
  'chai',
  'sinon',
  'supertest',
]);

/**
 * For `analysis/rejection-reporters.ts`: folders of a package whose code is not the program that
 * runs in production (installed and built code, tests and their fixtures, examples, benchmarks,
 * docs, build scripts). A test setup file that fails the suite on an unhandled rejection, or an
 * example server that logs one, says nothing about the package's own code.
 */
export const NON_PROGRAM_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  'test',
  'tests',
  '__tests__',
  '__mocks__',
  'spec',
  'specs',
  'e2e',
  'fixtures',
  '__fixtures__',
  'fixture',
  'example',
  'examples',
  'bench',
  'benchmark',
  'benchmarks',
  'docs',
  'scripts',
]);

/**
 * A statement that installs a process-wide or window-wide reporter of unhandled rejections, as
 * program text: `process.on('unhandledRejection', ...)` (also `once`, `addListener`,
 * `prependListener`, on any receiver: the event name is the process's own, and programs pass
 * `process` around as `processWrapper`), also `process.on('uncaughtException', ...)` (since Node
 * 15 a rejection nobody handles is raised as an uncaught exception, so that handler receives it;
 * `installsReporter` counts it only when it logs), `window.addEventListener('unhandledrejection', ...)`
 * (also `self`, `globalThis`), `window.onunhandledrejection = ...`, and an Electron app's
 * equivalents: the `electron-unhandled` package loaded, or electron-log's `catchErrors()` /
 * `errorHandler.startCatching()`.
 */
export const REJECTION_REPORTER =
  /\.\s*(?:on|once|addListener|prependListener)\s*\(\s*['"`](?:unhandledRejection|uncaughtException)['"`]|\baddEventListener\s*\(\s*['"`]unhandledrejection['"`]|\bonunhandledrejection\s*=[^=]|(?:require\s*\(|\bfrom)\s*['"`]electron-unhandled['"`]|\blog\.(?:catchErrors|errorHandler\.startCatching)\s*\(/;

/** The cheap test before `REJECTION_REPORTER`: text that can hold one of its statements. */
export const REJECTION_REPORTER_HINT = /unhandled|uncaughtException|catchErrors|startCatching/i;

/**
 * An error-tracking SDK whose ordinary set-up call installs a reporter of unhandled rejections
 * that does not end the program, as program text (see `installsSdkReporter` in
 * `analysis/rejection-reporters.ts`). Each SDK was checked against its own documentation and
 * source:
 * Only SDKs that run in a server or main process: a browser SDK (`@sentry/browser`, `/react`,
 * `@sentry/electron/renderer`, the universal `@bugsnag/js` and the full-stack framework SDKs,
 * whose `init` may sit in the client half of a package) would lend its page handler to the
 * package's Node code; browser UI code is not reported anyway (`WhereItRuns.runsInUi`).
 * - Sentry (`@sentry/node`, `@sentry/electron` and its `/main` entry, the server runtimes'
 *   SDKs): `init(...)` adds its default integrations, among them
 *   `onUnhandledRejectionIntegration` (server runtimes, mode `warn`: capture and print, no exit)
 *   and `globalHandlersIntegration` (browsers, `onunhandledrejection: true`). Off when the options
 *   drop the defaults (`defaultIntegrations: false`), turn the browser handler off
 *   (`onunhandledrejection: false`), choose mode `strict` (the rejection is raised again as an
 *   uncaught exception, which ends a Node process), or filter an integration out by its name
 *   (`'OnUnhandledRejection'`, `'GlobalHandlers'` as a string: only a filter spells the name).
 *   Not `@sentry/types`, `@sentry/core`, `@sentry/cli` or the bundler plugins: they install nothing.
 * - Bugsnag (`@bugsnag/node`, `@bugsnag/electron`):
 *   `Bugsnag.start(...)` reports unhandled rejections by default, and its default
 *   `onUnhandledRejection` only logs (its `onUncaughtException` is the one that exits). Off with
 *   `autoDetectErrors: false` or `enabledErrorTypes: { unhandledRejections: false }`.
 * - Rollbar (`rollbar`): `new Rollbar({...})` or `Rollbar.init({...})` only with
 *   `captureUnhandledRejections: true` (off by default); its handler reports and does not exit.
 * Left out: Honeybadger's Node notifier ends the process when its listener is the only one (it
 * mimics Node), so a dropped promise still crashes there.
 */
export interface ReportingSdk {
  /** The import specifiers of the SDK (the whole specifier). */
  readonly module: RegExp;
  /** Methods of the imported binding (or names imported from it) that set it up; `new` for a constructor call. */
  readonly setUp: readonly string[];
  /** Option text in the set-up call's arguments that turns the rejection reporter off. */
  readonly off: RegExp;
  /** Option text that must be there for the reporter to be on (an SDK where it is off by default). */
  readonly on?: RegExp;
}

export const REPORTING_SDKS: readonly ReportingSdk[] = [
  {
    module:
      /^@sentry\/(?:node|electron(?:\/main)?|nestjs|bun|deno|aws-serverless|serverless|google-cloud-serverless)$/,
    setUp: ['init'],
    off: /\bdefaultIntegrations\s*:\s*(?:false\b|\[)|\bonunhandledrejection\s*:\s*false\b|\bmode\s*:\s*['"`]strict['"`]|['"`](?:OnUnhandledRejection|GlobalHandlers)['"`]/,
  },
  {
    module: /^@bugsnag\/(?:node|electron)$/,
    setUp: ['start'],
    off: /\bautoDetectErrors\s*:\s*false\b|\bunhandledRejections\s*:\s*false\b/,
  },
  {
    module: /^rollbar$/,
    setUp: ['new', 'init'],
    off: /\bcaptureUnhandledRejections\s*:\s*false\b/,
    on: /\bcaptureUnhandledRejections\s*:\s*true\b/,
  },
];

/** The cheap test before looking for a `REPORTING_SDKS` set-up: text that imports one. */
export const REPORTING_SDK_HINT = /['"`](?:@sentry\/|@bugsnag\/|rollbar['"`])/;

/**
 * The factories of bundlers' development servers, by module (`analysis/dev-servers.ts`): such a
 * server serves one developer's browser while they work, so a handler registered on it waits for
 * nobody else. Vite's `preview` (a production build's server) is left out on purpose.
 */
export const DEV_SERVER_FACTORIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['vite', ['createServer']],
  ['webpack-dev-server', ['default']],
]);

/**
 * Hooks that receive a bundler's development server, with the position of the parameter that holds
 * it: Vite's plugin hook `configureServer(server)`, webpack-dev-server's
 * `setupMiddlewares(middlewares, devServer)` and `onBeforeSetupMiddleware(devServer)` /
 * `onAfterSetupMiddleware(devServer)`.
 */
export const DEV_SERVER_HOOKS: ReadonlyMap<string, number> = new Map([
  ['configureServer', 0],
  ['setupMiddlewares', 1],
  ['onBeforeSetupMiddleware', 0],
  ['onAfterSetupMiddleware', 0],
]);

/** webpack-dev-server's older hooks `before(app)`/`after(app)`: plain names, so only in a `devServer: { ... }` object. */
export const DEV_SERVER_OPTIONS_HOOKS: ReadonlySet<string> = new Set(['before', 'after']);
