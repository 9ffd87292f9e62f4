import type { Db } from '../db';
import type { BillingClient } from '../integrations/billing';
import type { AnalyticsClient } from '../integrations/analytics';
import type { ObjectStore } from '../storage/uploader';

export class NotFoundError extends Error {}

export interface MonthSummary {
  month: string;
  invoicedCents: number;
  activeUsers: number;
  apiCalls: number;
}

export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly billing: BillingClient,
    private readonly analytics: AnalyticsClient,
    private readonly store: ObjectStore,
  ) {}

  async monthlySummary(accountId: string, month: string): Promise<MonthSummary> {
    const [invoices, usage] = await Promise.all([
      this.billing.listInvoices(accountId, { month }),
      this.analytics.usage(accountId, month),
    ]);
    return {
      month,
      invoicedCents: invoices.reduce((sum, inv) => sum + inv.amountCents, 0),
      activeUsers: usage.activeUsers,
      apiCalls: usage.apiCalls,
    };
  }

  async dashboard(accountId: string) {
    const [balance, activeUsers] = await Promise.all([await this.billing.balance(accountId), await this.analytics.activeUsers(accountId)]); // expect: prefer-promise-all
    return { balance, activeUsers };
  }

  async accountReport(accountId: string) {
    let account;
    try {
      account = await this.db.accounts.get(accountId);
    } catch (err) {
      throw new NotFoundError(`account ${accountId} not found`, { cause: err });
    }
    const invoices = await this.billing.listInvoices(accountId, {});
    return { account, invoices };
  }

  async exportReport(accountId: string, month: string): Promise<string> {
    const summary = await this.monthlySummary(accountId, month);
    const key = await this.store.putObject(
      `reports/${accountId}/${month}.json`,
      Buffer.from(JSON.stringify(summary)),
      Buffer.byteLength(JSON.stringify(summary)),
    );
    return key.etag;
  }

  async overview(accountId: string, opts: { includeForecast?: boolean } = {}) {
    let forecast = null;
    if (opts.includeForecast) {
      forecast = await this.analytics.forecast(accountId);
    }
    const balance = await this.billing.balance(accountId);
    return { balance, forecast };
  }
}

async function loadMonth(service: ReportService, accountId: string, month: string) {
  return service.monthlySummary(accountId, month);
}

export async function compareMonths(service: ReportService, accountId: string, current: string, previous: string) {
  const a = await loadMonth(service, accountId, current); // expect: prefer-promise-all
  const b = await loadMonth(service, accountId, previous);
  const pct = (x: number, y: number) => (y === 0 ? null : Math.round(((x - y) / y) * 1000) / 10);
  return {
    invoiced: pct(a.invoicedCents, b.invoicedCents),
    activeUsers: pct(a.activeUsers, b.activeUsers),
    apiCalls: pct(a.apiCalls, b.apiCalls),
  };
}
