import { setTimeout as sleep } from 'node:timers/promises';
import { pool } from '../db/pool.js';
import { carts, customers, pricing, payments } from './clients.js';
import { loadTaxTable, computeTax } from './tax.js';
import { quoteShipping } from './shipping.js';

export class CheckoutError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export async function buildQuote(cartId, customerId) {
  const cart = await carts.get(cartId); // expect: prefer-promise-all
  const customer = await customers.get(customerId);
  if (!cart || cart.items.length === 0) throw new CheckoutError('EMPTY_CART', 'cart is empty');

  for (const item of cart.items) {
    item.unitPriceCents = await pricing.priceFor(item.sku, customer.tier); // expect: prefer-promise-all-in-loop
  }

  const subtotal = cart.items.reduce((sum, i) => sum + i.unitPriceCents * i.qty, 0);
  const [shipping, taxTable] = await Promise.all([quoteShipping(customer.address, cart.items), loadTaxTable(customer.address.country)]);
  const tax = computeTax(taxTable, subtotal + shipping.cents);
  return { cartId, customerId, subtotal, shipping: shipping.cents, tax, total: subtotal + shipping.cents + tax };
}

async function waitForCapture(paymentId, { attempts = 10, intervalMs = 500 } = {}) {
  for (let i = 0; i < attempts; i++) {
    const payment = await payments.get(paymentId);
    if (payment.status === 'captured') return payment;
    if (payment.status === 'failed') throw new CheckoutError('PAYMENT_FAILED', payment.failureReason);
    await sleep(intervalMs);
  }
  throw new CheckoutError('PAYMENT_TIMEOUT', `payment ${paymentId} not captured in time`);
}

export async function placeOrder(cartId, customerId, paymentMethodId) {
  const quote = await buildQuote(cartId, customerId);
  const payment = await payments.authorize({ amountCents: quote.total, paymentMethodId, idempotencyKey: `cart-${cartId}` });
  const client = await pool.connect();
  const captureTimeoutMs = Number(process.env.CAPTURE_TIMEOUT_MS ?? 5000);
  try {
    await client.query('BEGIN');
    const { rows: [order] } = await client.query(
      'INSERT INTO orders (customer_id, total_cents, payment_id, status) VALUES ($1, $2, $3, $4) RETURNING id',
      [customerId, quote.total, payment.id, 'pending'],
    );
    await payments.capture(payment.id);
    await waitForCapture(payment.id, { attempts: Math.ceil(captureTimeoutMs / 500) });
    await client.query('UPDATE orders SET status = $1 WHERE id = $2', ['paid', order.id]);
    await client.query('COMMIT');
    return order.id;
  } catch (err) {
    await client.query('ROLLBACK');
    await payments.void(payment.id).catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function reserveAndCharge(cartId, customerId, paymentMethodId) {
  await sleep(50); // let the cart's debounced save land first
  const cart = await carts.get(cartId);
  return placeOrder(cart.id, customerId, paymentMethodId);
}
