import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { db } from '../db/index.js';
import { cache } from '../cache/index.js';
import { getUserById, getOrdersForUser, getPreferences } from '../services/users.js';
import { renderTemplate } from '../lib/templates.js';

const __dirname = path.dirname(fileURLToPath(import.meta.url));
const router = express.Router();

// Loaded once at startup; blocking here is fine.
const profileTemplate = fs.readFileSync(path.join(__dirname, '../views/profile.html'), 'utf8');

router.get('/users/:id', async (req, res, next) => {
  try {
    const user = await getUserById(req.params.id); // expect: prefer-promise-all
    const orders = await getOrdersForUser(req.params.id);
    if (!user) {
      return res.status(404).json({ error: 'not found' });
    }
    res.json({ ...user, orders });
  } catch (err) {
    next(err);
  }
});

router.get('/users/:id/profile', async (req, res, next) => {
  try {
    const user = await getUserById(req.params.id);
    if (!user) return res.status(404).end();
    const prefs = await getPreferences(user.id);
    const footer = fs.readFileSync(path.join(__dirname, '../views/footer.html'), 'utf8'); // expect: no-blocking-in-async
    res.type('html').send(renderTemplate(profileTemplate, { user, prefs, footer }));
  } catch (err) {
    next(err);
  }
});

router.get('/users/:id/stats', async (req, res, next) => {
  try {
    const { rows: [counts] } = await db.query(
      'SELECT count(*) AS count, coalesce(sum(total_cents), 0) AS spent FROM orders WHERE user_id = $1',
      [req.params.id],
    );
    const { rows: [last] } = await db.query(
      'SELECT created_at FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [req.params.id],
    );
    res.json({
      orders: Number(counts.count),
      spentCents: Number(counts.spent),
      lastOrderAt: last ? last.created_at : null,
    });
  } catch (err) {
    next(err);
  }
});

router.delete('/users/:id', async (req, res, next) => {
  try {
    await db.query('UPDATE users SET deleted_at = now() WHERE id = $1', [req.params.id]);
    await cache.del(`user:${req.params.id}`);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

export default router;
