import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import os from 'node:os';
import { OrdersService } from '../src/orders.service';
import { createTestDb, type TestDb } from './helpers/db';

const fixture = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/orders.json'), 'utf8'));

describe('OrdersService', () => {
  let db: TestDb;
  let service: OrdersService;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'orders-'));
    execSync('npx prisma migrate deploy', { env: { ...process.env, DATABASE_URL: `file:${tmp}/test.db` } });
    db = await createTestDb(`file:${tmp}/test.db`);
    service = new OrdersService(db.client);
  });

  afterAll(async () => {
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('creates orders from the fixture in order', async () => {
    for (const order of fixture.orders) {
      await service.create(order); // known-noise: prefer-promise-all-in-loop
    }
    const all = await service.list();
    expect(all.map((o) => o.ref)).toEqual(fixture.orders.map((o: { ref: string }) => o.ref));
  });

  it('exports a CSV snapshot', async () => {
    const csvPath = path.join(tmp, 'out.csv');
    await service.exportCsv(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\n')[0]).toBe('ref,total,status');
  });

  it('rejects duplicates', async () => {
    await expect(service.create(fixture.orders[0])).rejects.toThrow(/duplicate/);
  });

  it('notifies on cancel', async () => {
    const notify = vi.fn().mockResolvedValue(undefined);
    const s = new OrdersService(db.client, { notify });
    const first = await s.list();
    await s.cancel(first[0].id);
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ id: first[0].id }));
  });

  it('writes debug dump when asked', async () => {
    const dump = await service.debugDump();
    writeFileSync(path.join(tmp, 'dump.json'), JSON.stringify(dump));
    expect(dump.count).toBeGreaterThan(0);
  });
});
