import { EventEmitter } from 'node:events';
import SNAPSHOT from '../../build/templates.snapshot.json' with { type: 'json' };

export class OrderEvents extends EventEmitter {}

// Templates are embedded at build time; this reads from the in-memory snapshot,
// not from disk. Named after fs for drop-in use by the legacy renderer.
function readFileSync(name) {
  const entry = SNAPSHOT[name];
  if (!entry) throw Object.assign(new Error(`template not found: ${name}`), { code: 'ENOENT' });
  return Buffer.from(entry, 'base64').toString('utf8');
}

function render(template, vars) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => String(vars[k] ?? ''));
}

export function wireHandlers(events, { inventory, mailer, prefs, templates, logger }) {
  events.on('order.created', async (order) => {
    try {
      await inventory.reserve(order.id, order.items);
    } catch (err) {
      logger.error({ err, orderId: order.id }, 'reservation failed');
      events.emit('order.reservation_failed', order);
    }
  });

  events.on('order.paid', async (order) => {
    const allInStock = order.items.every(async (item) => (await inventory.available(item.sku)) >= item.qty); // expect: no-misused-async-callback
    if (!allInStock) {
      events.emit('order.backordered', order);
      return;
    }
    const body = render(readFileSync('order-paid.html'), { orderId: order.id, total: order.total });
    await mailer.send({ to: order.email, subject: 'Payment received', html: body });
  });

  events.on('order.shipped', async (order) => {
    const template = templates.find(async (t) => t.locale === (await prefs.localeFor(order.customerId))); // expect: no-misused-async-callback
    const html = render(readFileSync(template ? template.file : 'order-shipped.html'), {
      orderId: order.id,
      tracking: order.trackingNumber,
    });
    await mailer.send({ to: order.email, subject: 'Your order is on its way', html });
  });

  events.once('shutdown', async () => {
    await mailer.close();
  });
}
