import { pool } from './db';
import { auditTrail } from './audit';

interface Context {
  userId: string;
  loaders: {
    account: { load(id: string): Promise<{ id: string; email: string; plan: string }> };
    invoicesByAccount: { load(id: string): Promise<Array<{ id: string; cents: number }>> };
  };
}

async function featureFlags(accountId: string): Promise<Record<string, boolean>> {
  const { rows } = await pool.query('select flags from accounts where id = $1', [accountId]);
  return rows[0]?.flags ?? {};
}

async function openTickets(accountId: string): Promise<number> {
  const response = await fetch(`${process.env.HELPDESK_URL}/accounts/${accountId}/tickets?state=open`);
  if (!response.ok) throw new Error(`helpdesk: ${response.status}`);
  return ((await response.json()) as unknown[]).length;
}

export const resolvers = {
  Query: {
    async account(_: unknown, args: { id: string }, ctx: Context) {
      return ctx.loaders.account.load(args.id);
    },
    async accountHealth(_: unknown, args: { id: string }) {
      const flags = await featureFlags(args.id); // expect: prefer-promise-all
      const tickets = await openTickets(args.id);
      return { id: args.id, beta: flags.beta === true, tickets };
    },
  },
  Account: {
    // Field resolvers batch through the per-request loader: nothing to gather here.
    async invoices(parent: { id: string }, _: unknown, ctx: Context) {
      return ctx.loaders.invoicesByAccount.load(parent.id);
    },
    async history(parent: { id: string }) {
      const since = new Date(Date.now() - 30 * 86_400_000);
      return auditTrail(parent.id, since);
    },
    async overview(parent: { id: string }, _: unknown, ctx: Context) {
      const invoices = ctx.loaders.invoicesByAccount.load(parent.id); // expect: no-late-promise-handling
      const account = await ctx.loaders.account.load(parent.id);
      if (account.plan === 'free') return { plan: account.plan, billed: 0 };
      return { plan: account.plan, billed: (await invoices).reduce((sum, i) => sum + i.cents, 0) };
    },
  },
  Mutation: {
    async setFlag(_: unknown, args: { id: string; flag: string; on: boolean }) {
      const flags = await featureFlags(args.id);
      flags[args.flag] = args.on;
      await pool.query('update accounts set flags = $2 where id = $1', [args.id, JSON.stringify(flags)]);
      return flags;
    },
  },
};
