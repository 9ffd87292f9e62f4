import type { Request, Response } from 'express';
import Stripe from 'stripe';
import { db } from '../db';
import { fulfillLineItem, notifySlack } from '../services/fulfillment';
import { logger } from '../lib/logger';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET!;

async function markPaid(orderId: string, paymentIntentId: string): Promise<void> {
  await db.query('UPDATE orders SET status = $1, payment_intent = $2, paid_at = now() WHERE id = $3', [
    'paid',
    paymentIntentId,
    orderId,
  ]);
}

async function handleCheckoutCompleted(session: Stripe.Checkout.Session): Promise<void> {
  const orderId = session.metadata?.orderId;
  if (!orderId) {
    logger.warn({ sessionId: session.id }, 'checkout session without orderId');
    return;
  }
  await markPaid(orderId, String(session.payment_intent));
  const lineItems = await stripe.checkout.sessions.listLineItems(session.id, { limit: 100 });
  lineItems.data.forEach(async (item) => { // expect: no-misused-async-callback
    await fulfillLineItem(orderId, item.price?.id ?? 'unknown', item.quantity ?? 1);
  });
}

async function handleRefund(charge: Stripe.Charge): Promise<void> {
  const order = await db.one('SELECT id FROM orders WHERE payment_intent = $1', [charge.payment_intent]);
  await db.query('UPDATE orders SET status = $1 WHERE id = $2', ['refunded', order.id]);
  notifySlack(`Refund for order ${order.id}: ${(charge.amount_refunded / 100).toFixed(2)}`).catch((err) =>
    logger.error({ err }, 'slack notification failed'),
  );
}

async function handleDisputeCreated(dispute: Stripe.Dispute): Promise<void> {
  await db.query('INSERT INTO disputes (id, charge_id, amount, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
    dispute.id,
    dispute.charge,
    dispute.amount,
    dispute.reason,
  ]);
}

export async function stripeWebhook(req: Request, res: Response) {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'] as string, endpointSecret);
  } catch (err) {
    return res.status(400).send(`Webhook Error: ${(err as Error).message}`);
  }

  switch (event.type) {
    case 'checkout.session.completed':
      await handleCheckoutCompleted(event.data.object as Stripe.Checkout.Session);
      break;
    case 'charge.refunded':
      handleRefund(event.data.object as Stripe.Charge); // expect: no-floating-promises
      break;
    case 'charge.dispute.created':
      await handleDisputeCreated(event.data.object as Stripe.Dispute);
      break;
    default:
      logger.debug({ type: event.type }, 'ignored stripe event');
  }
  res.json({ received: true });
}
