import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { PrismaService } from '../prisma/prisma.service';
import { S3Service } from '../storage/s3.service';
import { renderPdf } from './pdf';

type Totals = Record<string, number>;

async function revenueByRegion(prisma: PrismaService, since: Date): Promise<Totals> {
  const rows = await prisma.order.groupBy({ by: ['region'], _sum: { total: true }, where: { createdAt: { gte: since } } });
  return Object.fromEntries(rows.map((r: any) => [r.region, r._sum.total ?? 0]));
}

async function signupCount(prisma: PrismaService, since: Date) {
  return prisma.user.count({ where: { createdAt: { gte: since } } });
}

async function churnRate(prisma: PrismaService, since: Date) {
  const cancelled = await prisma.subscription.count({ where: { cancelledAt: { gte: since } } });
  const active = await prisma.subscription.count({ where: { status: 'active' } });
  return active === 0 ? 0 : cancelled / active;
}

@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(private readonly prisma: PrismaService, private readonly s3: S3Service) {}

  @Cron(CronExpression.EVERY_DAY_AT_6AM)
  async dailyReport() {
    const since = new Date(Date.now() - 24 * 3600 * 1000);
    const revenue = await revenueByRegion(this.prisma, since); // expect: prefer-promise-all
    const signups = await signupCount(this.prisma, since);
    const churn = await churnRate(this.prisma, since);

    const pdf = await renderPdf({ revenue, signups, churn, since });
    const key = `reports/daily/${since.toISOString().slice(0, 10)}.pdf`;
    await this.s3.put(key, pdf);
    this.logger.log(`daily report stored at ${key}`);
  }

  @Cron(CronExpression.EVERY_WEEK)
  async regionalReports() {
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const regions: Record<string, string> = await this.prisma.region.findManyAsMap();
    const pdfs: Record<string, Buffer> = {};
    for (const code in regions) {
      pdfs[code] = await renderPdf({ region: code, name: regions[code], since }); // expect: prefer-promise-all-in-loop
    }
    await this.s3.putMany(Object.entries(pdfs).map(([code, body]) => ({ key: `reports/weekly/${code}.pdf`, body })));
  }

  async adhoc(since: Date) {
    let revenue: Totals = {};
    try {
      revenue = await revenueByRegion(this.prisma, since);
    } catch (err) {
      this.logger.warn(`revenue query failed: ${err}`);
    }
    const signups = await signupCount(this.prisma, since);
    return { revenue, signups };
  }
}
