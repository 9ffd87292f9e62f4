import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import { RedisService } from '../redis/redis.service';
import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';

async function checkDatabase(prisma: PrismaService) {
  const started = Date.now();
  await prisma.$queryRaw`SELECT 1`;
  return { ok: true, latencyMs: Date.now() - started };
}

async function checkRedis(redis: RedisService) {
  const started = Date.now();
  const pong = await redis.client.ping();
  return { ok: pong === 'PONG', latencyMs: Date.now() - started };
}

async function checkStorage(s3: S3Client, bucket: string) {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return { ok: true };
  } catch {
    return { ok: false };
  }
}

@Controller('health')
export class HealthController {
  private readonly s3 = new S3Client({});

  constructor(private readonly prisma: PrismaService, private readonly redis: RedisService) {}

  @Get()
  async health() {
    const db = await checkDatabase(this.prisma); // expect: prefer-promise-all
    const cache = await checkRedis(this.redis);
    const storage = await checkStorage(this.s3, process.env.ASSETS_BUCKET!);
    const ok = db.ok && cache.ok && storage.ok;
    if (!ok) throw new ServiceUnavailableException({ db, cache, storage });
    return { db, cache, storage };
  }

  @Get('live')
  @HttpCode(204)
  live() {
    return;
  }

  @Get('ready')
  async ready() {
    const [db, cache] = await Promise.all([checkDatabase(this.prisma), checkRedis(this.redis)]);
    return { ready: db.ok && cache.ok };
  }
}
