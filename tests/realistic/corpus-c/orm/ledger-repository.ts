import type { Knex } from 'knex';

export interface Entry {
  accountId: string;
  amountCents: number;
  currency: string;
  memo: string;
}

export class InsufficientFunds extends Error {}

/**
 * Double-entry ledger on one knex instance. Every money movement happens inside one
 * transaction, on one connection, in a fixed order (lock, check, write, verify).
 */
export class LedgerRepository {
  private rates: Map<string, number> | undefined;

  constructor(private readonly knex: Knex) {}

  async transfer(from: string, to: string, amountCents: number, memo: string): Promise<string> {
    return this.knex.transaction(async (trx) => {
      const source = await trx('accounts').where({ id: from }).forUpdate().first();
      const target = await trx('accounts').where({ id: to }).forUpdate().first();
      if (!source || !target) throw new Error('unknown account');
      if (source.balance_cents < amountCents) throw new InsufficientFunds(from);
      const [transfer] = await trx('transfers').insert({ from, to, amount_cents: amountCents, memo }).returning('id');
      await trx('accounts').where({ id: from }).decrement('balance_cents', amountCents);
      await trx('accounts').where({ id: to }).increment('balance_cents', amountCents);
      return transfer.id;
    });
  }

  async postBatch(entries: Entry[]): Promise<void> {
    await this.knex.transaction(async (trx) => {
      for (const entry of entries) {
        const rate = await this.rateFor(entry.currency);
        await trx('entries').insert({
          account_id: entry.accountId,
          amount_cents: Math.round(entry.amountCents * rate),
          memo: entry.memo,
        });
      }
      const { rows } = await trx.raw('select sum(amount_cents) as s from entries where batch_id is null');
      if (Number(rows[0].s) !== 0) throw new Error('batch does not balance');
    });
  }

  /** Exchange rates are loaded once per process and then served from memory. */
  private async rateFor(currency: string): Promise<number> {
    if (!this.rates) {
      const rows: Array<{ code: string; rate: number }> = await this.knex('rates').select('code', 'rate');
      this.rates = new Map(rows.map((r) => [r.code, r.rate]));
    }
    return this.rates.get(currency) ?? 1;
  }

  async statement(accountId: string, month: string) {
    const rate = await this.rateFor('EUR');
    const entries = await this.knex('entries').where({ account_id: accountId }).andWhere('month', month);
    return entries.map((e: { amount_cents: number }) => ({ ...e, eur: e.amount_cents * rate }));
  }
}
