import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const UPLOAD_DIR = process.env.UPLOAD_DIR ?? '/var/lib/acme/uploads';

export default async function dashboardRoutes(fastify) {
  const { notifications, projects, billing, audit } = fastify;

  fastify.get('/dashboard', { onRequest: [fastify.authenticate] }, async (request) => {
    const userId = request.user.sub;
    const unread = await notifications.unreadFor(userId); // expect: prefer-promise-all
    const recent = await projects.recentFor(userId, 5);
    const usage = await billing.usageThisMonth(userId);
    return {
      unreadCount: unread.length,
      recentProjects: recent.map((p) => ({ id: p.id, name: p.name })),
      usage,
    };
  });

  fastify.get('/projects/:id', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    const project = await projects.get(request.params.id);
    if (!project || project.ownerId !== request.user.sub) {
      return reply.code(404).send({ error: 'not found' });
    }
    const members = await projects.members(project.id);
    return { ...project, members };
  });

  fastify.post('/projects/:id/files', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    const saved = [];
    for await (const part of request.files()) {
      const name = `${randomUUID()}${path.extname(part.filename)}`;
      await pipeline(part.file, createWriteStream(path.join(UPLOAD_DIR, name)));
      saved.push({ original: part.filename, stored: name });
    }
    await audit.record(request.user.sub, 'files.uploaded', { projectId: request.params.id, count: saved.length });
    reply.code(201);
    return { files: saved };
  });

  fastify.delete('/projects/:id', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    const project = await projects.get(request.params.id);
    if (!project) return reply.code(404).send();
    await projects.archive(project.id);
    audit.record(request.user.sub, 'project.archived', { projectId: project.id }).catch((err) => {
      request.log.warn({ err }, 'audit write failed');
    });
    return reply.code(204).send();
  });
}
