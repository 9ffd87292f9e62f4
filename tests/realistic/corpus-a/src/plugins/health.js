import fp from 'fastify-plugin';

async function checkBucket(s3, bucket) {
  const started = performance.now();
  await s3.headBucket({ Bucket: bucket });
  return Math.round(performance.now() - started);
}

function summarize(names, results) {
  const checks = {};
  names.forEach((name, i) => {
    const r = results[i];
    checks[name] = r.status === 'fulfilled' ? { ok: true, ms: r.value } : { ok: false, error: String(r.reason?.message ?? r.reason) };
  });
  return checks;
}

async function timed(fn) {
  const started = performance.now();
  await fn();
  return Math.round(performance.now() - started);
}

async function healthPlugin(fastify, opts) {
  const bootedAt = Date.now();

  fastify.get('/healthz', async () => ({
    status: 'ok',
    uptimeSeconds: Math.round((Date.now() - bootedAt) / 1000),
  }));

  fastify.get('/readyz', async (request, reply) => {
    const names = ['postgres', 'redis', 'storage'];
    const results = await Promise.allSettled([
      timed(() => fastify.pg.query('SELECT 1')),
      timed(() => fastify.redis.ping()),
      checkBucket(opts.s3, opts.bucket),
    ]);
    const checks = summarize(names, results);
    const ready = Object.values(checks).every((c) => c.ok);
    reply.code(ready ? 200 : 503);
    return { ready, checks };
  });

  fastify.get('/version', async () => {
    const [migration, queueDepth] = await Promise.all([
      fastify.pg.query('SELECT name FROM migrations ORDER BY run_on DESC LIMIT 1').then((r) => r.rows[0]?.name),
      fastify.redis.llen('bull:email:wait'),
    ]);
    return { version: process.env.APP_VERSION ?? 'dev', migration, queueDepth };
  });

  fastify.addHook('onRequest', async (request) => {
    request.startedAt = process.hrtime.bigint();
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const ms = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
    if (ms > 1000) request.log.warn({ url: request.url, ms, status: reply.statusCode }, 'slow request');
  });
}

export default fp(healthPlugin, { name: 'health', dependencies: ['pg', 'redis'] });
