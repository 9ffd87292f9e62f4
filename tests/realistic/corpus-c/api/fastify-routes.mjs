import fastify from 'fastify';
import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessions, credentials, quotas } from './stores.mjs';

const server = fastify({ logger: true });

function hashPassword(password, salt) {
  return pbkdf2Sync(password, salt, 310000, 32, 'sha256');
}

server.post('/login', async (req, reply) => {
  const { email, password } = req.body;
  const record = await credentials.byEmail(email);
  if (!record) {
    // Constant-time-ish failure: wait a little before answering.
    await sleep(200);
    return reply.code(401).send();
  }
  const candidate = hashPassword(password, record.salt); // expect: no-blocking-in-async
  if (!timingSafeEqual(candidate, record.hash)) return reply.code(401).send();
  const token = randomBytes(24).toString('base64url');
  await sessions.create(token, record.userId);
  return { token };
});

server.get('/projects/:id/export', async (req, reply) => {
  const quotaCheck = quotas.assertExportAllowed(req.params.id); // expect: no-late-promise-handling
  const project = await sessions.projectFor(req.headers.authorization, req.params.id);
  if (!project) return reply.code(404).send();
  await quotaCheck;
  return project.exportJson();
});

server.get('/projects/:id/preview', async (req) => {
  // Started early with a handler attached at once: the rejection surfaces at the later await.
  const thumbnails = quotas.thumbnailsFor(req.params.id);
  thumbnails.catch(() => {});
  const project = await sessions.projectFor(req.headers.authorization, req.params.id);
  return { project, thumbnails: await thumbnails };
});

server.get('/health', async () => {
  const [db, cache] = await Promise.all([credentials.ping(), sessions.ping()]);
  return { db, cache };
});

server.addHook('onRequest', async (req) => {
  req.startedAt = process.hrtime.bigint();
});

export async function start(port) {
  await server.listen({ port });
  server.log.info(`listening on ${port}`);
}
