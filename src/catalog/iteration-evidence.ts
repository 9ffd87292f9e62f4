/**
 * Evidence that a loop of awaits is worth running together (read by `analysis/iteration-evidence`):
 * the packages, names and options that say a call reaches another machine, the calls that list a
 * folder, and the work that authors already run together.
 */
import { NETWORK_CALL_ROOTS } from './effects';
import { RECORD_CLIENT_PACKAGES } from './iteration-order';
import { NETWORK_CACHE_PACKAGES, NETWORK_DATABASE_PACKAGES } from './run-contexts';

/**
 * Packages whose calls reach another machine or process (besides `NETWORK_CALL_ROOTS`,
 * `NETWORK_DATABASE_PACKAGES`, `RECORD_CLIENT_PACKAGES`, `NETWORK_CACHE_PACKAGES`): HTTP clients,
 * message brokers, search engines, cloud and service SDKs. `REMOTE_PACKAGE_SCOPES` covers scoped
 * families.
 */
export const REMOTE_PACKAGES: ReadonlySet<string> = new Set([
  ...NETWORK_CALL_ROOTS,
  ...NETWORK_DATABASE_PACKAGES,
  ...RECORD_CLIENT_PACKAGES,
  ...NETWORK_CACHE_PACKAGES,
  'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', 'ofetch', 'graphql-request', 'aws-sdk', 'googleapis', 'stripe',
  'openai', 'octokit', 'ioredis', 'redis', 'kafkajs', 'amqplib', 'nats', 'firebase-admin', 'cassandra-driver', 'ldapjs',
  'nodemailer', 'twilio', 'minio', 'mongodb', 'firebase', 'contentful', 'algoliasearch', 'meilisearch', '@actions/github',
  // ClickHouse's clients (an analytics database server), and Prisma's driver adapters: a module
  // that imports one makes a client of a database server (`new PrismaClient({ adapter })`).
  '@clickhouse/client', '@clickhouse/client-web',
  '@prisma/adapter-pg', '@prisma/adapter-neon', '@prisma/adapter-planetscale', '@prisma/adapter-libsql', '@prisma/adapter-mariadb', '@prisma/adapter-mssql',
]);

/** Scopes whose packages are clients of remote services (`@aws-sdk/client-s3`, `@octokit/rest`). */
export const REMOTE_PACKAGE_SCOPES = /^@(?:aws-sdk|google-cloud|octokit|slack|supabase|elastic|opensearch-project|azure|apollo|anthropic-ai|sendgrid|mailchimp|planetscale|neondatabase|upstash|vercel)\//;

/**
 * A receiver, field or argument named as a client of a remote service: `redisClient`,
 * `graphqlClient`, `apiClient`, `prisma`, `pool`, `knex`, `octokit`, `s3`, `api`, `http`; also the
 * command-line clients of a cluster or cloud API handed to a helper (`kubectl`, `helm`, `gcloud`):
 * each command is a round trip to that API.
 * (A bare `client` also names one ordered connection; the rule decides that before asking.)
 */
export const REMOTE_CLIENT_NAME = /^(?:[a-z]\w*(?:Client|Api|API|Sdk|SDK)|api|http|https|axios|prisma|pool|pgPool|db|knex|octokit|github|s3|redis|ioredis|elastic|stripe|openai|supabase|firestore|dynamo|dynamodb|mongo|kubectl|helm|gcloud)$/;

/**
 * A method named for handing out a client (`getActiveClient`, `createApiClient`, `makeSdk`): it
 * returns the client, so the name is no evidence that calling it waits on the remote service. Not
 * a name ending in `Api` (`getProductApi(id)`: a request to the product API).
 */
export const CLIENT_GETTER_NAME = /^(?:get|create|make|build|new|init|ensure|resolve)[A-Z]\w*(?:Client|Sdk|SDK)$/;

/** A declared type of a field or parameter that is a remote client or a data repository (`Repository<User>`, `S3Client`, `Pool`). */
export const REMOTE_TYPE_NAME = /(?:Client|Repository|^Pool|^PrismaClient|^PrismaService|^Redis|^Knex|^Octokit|^Sql)$/;

/** Options that give a client an address or a connection: `new RestClient({ baseUrl })`, `new Limiter({ redis })`. */
export const ADDRESS_OPTION = /^(?:baseUrl|baseURL|url|uri|host|hostname|endpoint|apiUrl|connectionString|redis|connection|pool)$/;

/** Calls that list a directory or match a glob: their answer is as long as the folder. */
export const LISTING_CALL = /^(?:readdir|readdirSync|readDir|glob|globSync|globby|globbySync|fastGlob|fg|sync|listFiles|walk|walkDir|scandir)$/;

/** Methods that give a view of a list with (at most) its items: the origin is the list's. */
export const LIST_VIEW_METHODS: ReadonlySet<string> = new Set([
  'filter', 'map', 'flatMap', 'flat', 'slice', 'concat', 'sort', 'toSorted', 'reverse', 'entries', 'values', 'keys', 'splice',
  // The parts of a text: `stdout.trim().split('\n')`.
  'split', 'trim', 'substring', 'match', 'matchAll',
]);

/** Global request functions: `fetch`, and the frameworks' (`$fetch` of Nuxt, `ofetch`). */
export const GLOBAL_FETCH_NAMES: ReadonlySet<string> = new Set(['fetch', '$fetch', 'ofetch']);

/** Methods that advance a progress display by one item. */
export const PROGRESS_METHODS: ReadonlySet<string> = new Set(['tick', 'increment']);

/** Modules whose work on a whole file or buffer runs off the main thread: stream pipelines (`pipeline` only), images, compression. */
export const HEAVY_WORK_MODULES: ReadonlySet<string> = new Set(['stream', 'stream/promises', 'sharp', 'zlib', 'jimp']);

/**
 * A relative module named as the project's clients of remote services: `./clients`, `../db`,
 * `../lib/api`, `./redis`, `./github-client`, `../prisma/index`.
 */
export const REMOTE_MODULE_NAME = /^(?:clients?|apis?|db|http|sdk|redis|prisma|knex|pg|postgres|mongo|mongodb|s3|graphql|octokit|\w*[-_.]?(?:[cC]lient|[aA]pi))$/;

/**
 * The last part of a package's name that names a client of a remote API: `@acme/api-client`,
 * `@acme/sdk`, `@acme/api`, `@notionhq/client`, `billing-sdk`. Workspace packages and generated API
 * clients are named so; the catalogue cannot list them.
 */
export const CLIENT_PACKAGE_NAME = /^(?:clients?|apis?|sdk|[\w.-]*[-_.](?:clients?|api|sdk))$/;

/**
 * Scopes whose `api`/`client` packages talk to the program's own host or process, not to another
 * machine: telemetry (`@opentelemetry/api`), a desktop shell's IPC (`@tauri-apps/api`), a launcher's
 * extension API (`@raycast/api`), type declarations.
 */
export const HOST_API_SCOPES = /^@(?:opentelemetry|tauri-apps|raycast|types|vscode)\//;
