// Minimal declarations of the third-party packages the corpus imports, so that typed mode sees
// library clients the way a real project with installed types would. Not linted for findings.
declare module 'express' {
  export interface Request { params: Record<string, string>; query: Record<string, string>; body: any; headers: Record<string, string | undefined>; user?: { id: string } }
  export interface Response { json(body: unknown): Response; status(code: number): Response; send(body?: unknown): Response; set(name: string, value: string): Response; end(): void }
  export type NextFunction = (err?: unknown) => void;
  export interface Router {
    get(path: string, ...handlers: Array<(req: Request, res: Response, next: NextFunction) => void>): Router;
    post(path: string, ...handlers: Array<(req: Request, res: Response, next: NextFunction) => void>): Router;
    use(...handlers: Array<(req: Request, res: Response, next: NextFunction) => void>): Router;
  }
  export interface Application extends Router { listen(port: number, cb?: () => void): void }
  function express(): Application;
  namespace express { function Router(): Router; function json(): (req: Request, res: Response, next: NextFunction) => void }
  export default express;
}
declare module 'pg' {
  export interface QueryResult<R = any> { rows: R[]; rowCount: number }
  export interface PoolClient { query<R = any>(sql: string, params?: unknown[]): Promise<QueryResult<R>>; release(err?: Error): void }
  export class Pool {
    constructor(opts?: { connectionString?: string; max?: number });
    query<R = any>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
  }
}
declare module 'ioredis' {
  export default class Redis {
    constructor(url?: string);
    get(key: string): Promise<string | null>;
    set(key: string, value: string, mode?: 'EX', seconds?: number): Promise<'OK'>;
    del(...keys: string[]): Promise<number>;
    incr(key: string): Promise<number>;
    expire(key: string, seconds: number): Promise<number>;
    publish(channel: string, message: string): Promise<number>;
    quit(): Promise<'OK'>;
  }
}
declare module 'bullmq' {
  export interface Job<T = any> { id?: string; name: string; data: T; attemptsMade: number; updateProgress(p: number): Promise<void>; log(line: string): Promise<number> }
  export class Worker<T = any> {
    constructor(name: string, processor: (job: Job<T>) => Promise<unknown>, opts?: { concurrency?: number; connection?: unknown });
    on(event: 'failed', cb: (job: Job<T> | undefined, err: Error) => void): this;
    on(event: 'completed', cb: (job: Job<T>) => void): this;
    close(): Promise<void>;
  }
  export class Queue<T = any> {
    constructor(name: string, opts?: { connection?: unknown });
    add(name: string, data: T, opts?: { delay?: number; jobId?: string }): Promise<Job<T>>;
    close(): Promise<void>;
  }
}
declare module 'commander' {
  export class Command {
    name(n: string): this;
    description(d: string): this;
    version(v: string): this;
    command(spec: string): Command;
    option(flags: string, description?: string, defaultValue?: unknown): this;
    argument(spec: string, description?: string): this;
    action(fn: (...args: any[]) => void | Promise<void>): this;
    parseAsync(argv?: string[]): Promise<this>;
    opts<T = Record<string, unknown>>(): T;
  }
}
declare module 'next/server' {
  export class NextRequest extends Request { nextUrl: URL }
  export class NextResponse extends Response { static json(body: unknown, init?: { status?: number }): NextResponse }
}
declare module 'chokidar' {
  export interface FSWatcher { on(event: 'add' | 'change' | 'unlink', cb: (path: string) => void): this; close(): Promise<void> }
  export function watch(paths: string | string[], opts?: { ignoreInitial?: boolean }): FSWatcher;
}
declare module 'ws' {
  import { EventEmitter } from 'node:events';
  export class WebSocket extends EventEmitter { readyState: number; send(data: string): void; close(code?: number): void; static OPEN: number }
  export class WebSocketServer extends EventEmitter { constructor(opts: { port?: number; noServer?: boolean }); clients: Set<WebSocket> }
}
declare module 'supertest' {
  namespace request {
    interface Test extends Promise<{ status: number; body: any; text: string }> { expect(status: number): Test; send(body: unknown): Test; set(h: string, v: string): Test }
    interface Agent { get(url: string): Test; post(url: string): Test; delete(url: string): Test }
  }
  function request(app: unknown): request.Agent;
  export = request;
}
declare module 'vitest' {
  export function describe(name: string, fn: () => void): void;
  export function it(name: string, fn: () => void | Promise<void>): void;
  export function beforeEach(fn: () => void | Promise<void>): void;
  export function afterEach(fn: () => void | Promise<void>): void;
  export function expect(v: unknown): any;
  export const vi: { fn(impl?: (...a: any[]) => any): any; useFakeTimers(): void; useRealTimers(): void; advanceTimersByTimeAsync(ms: number): Promise<void> };
}
declare module 'knex' {
  export interface Knex {
    (table: string): any;
    transaction<T>(fn: (trx: Knex) => Promise<T>): Promise<T>;
    raw(sql: string, bindings?: unknown[]): Promise<any>;
    destroy(): Promise<void>;
  }
  export default function knex(config: unknown): Knex;
}
declare module 'koa' {
  export interface Context { params: Record<string, string>; query: Record<string, string>; body: unknown; status: number; state: Record<string, any>; request: { body: any }; get(h: string): string; set(h: string, v: string): void; throw(status: number, msg?: string): never }
  export type Next = () => Promise<void>;
  export default class Koa { use(mw: (ctx: Context, next: Next) => Promise<void> | void): this; listen(port: number): void }
}
declare module '@koa/router' {
  import type { Context, Next } from 'koa';
  export default class Router { get(path: string, ...mw: Array<(ctx: Context, next: Next) => Promise<void> | void>): this; post(path: string, ...mw: Array<(ctx: Context, next: Next) => Promise<void> | void>): this; routes(): any }
}
declare module 'fastify' {
  export interface FastifyRequest { params: any; body: any; query: any; headers: Record<string, string | undefined> }
  export interface FastifyReply { code(c: number): FastifyReply; send(p?: unknown): FastifyReply; header(k: string, v: string): FastifyReply }
  export interface FastifyInstance {
    get(path: string, handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown): void;
    post(path: string, handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown): void;
    addHook(name: string, fn: (req: FastifyRequest, reply: FastifyReply) => Promise<void>): void;
    listen(opts: { port: number }): Promise<string>;
    log: { info(...a: unknown[]): void; error(...a: unknown[]): void };
  }
  export default function fastify(opts?: { logger?: boolean }): FastifyInstance;
}
