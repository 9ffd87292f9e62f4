'use strict';

/**
 * Adds a composite index and backfills orders.total_cents from the legacy
 * decimal column. Runs in batches so that row locks are held briefly.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('orders', (t) => {
    t.index(['customer_id', 'created_at'], 'orders_customer_created_idx');
  });

  const hasCol = await knex.schema.hasColumn('orders', 'total_cents');
  if (!hasCol) {
    await knex.schema.alterTable('orders', (t) => {
      t.bigInteger('total_cents');
    });
  }

  let lastId = 0;
  for (;;) {
    const rows = await knex('orders')
      .select('id', 'total')
      .where('id', '>', lastId)
      .whereNull('total_cents')
      .orderBy('id')
      .limit(1000);
    if (rows.length === 0) break;

    await knex.transaction(async (trx) => {
      for (const row of rows) {
        await trx('orders')
          .where({ id: row.id })
          .update({ total_cents: Math.round(Number(row.total) * 100) });
      }
    });

    lastId = rows[rows.length - 1].id;
    console.log(`backfilled up to order ${lastId}`);
  }

  await knex.raw('ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['customer_id', 'created_at'], 'orders_customer_created_idx');
    t.dropColumn('total_cents');
  });
};

exports.config = { transaction: false };
