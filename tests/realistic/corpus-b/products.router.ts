import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import { db } from '../db';
import { cache } from '../cache';
import { searchIndex } from '../search';

const router = Router();

const asyncHandler =
  (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

function readFileSync(key: string): string | undefined {
  // Tiny in-memory "file" table used for static product copy; not node:fs.
  return STATIC_COPY[key];
}
const STATIC_COPY: Record<string, string> = { returns: 'Free returns within 30 days.' };

const ProductInput = z.object({ name: z.string(), price: z.number().positive(), categoryId: z.string() });

router.get(
  '/:id',
  asyncHandler(async (req, res) => {
    const cached = await cache.get(`product:${req.params.id}`);
    if (cached) return res.json(JSON.parse(cached));
    const product = await db.product.findUnique({ where: { id: req.params.id } });
    if (!product) return res.status(404).end();
    await cache.set(`product:${req.params.id}`, JSON.stringify(product), 'EX', 60);
    res.json({ ...product, returnsPolicy: readFileSync('returns') });
  }),
);

router.post(
  '/',
  asyncHandler(async (req, res) => {
    const input = ProductInput.parse(req.body);
    const category = await db.category.findUniqueOrThrow({ where: { id: input.categoryId } });
    const product = await db.product.create({ data: { ...input, categorySlug: category.slug } });
    await searchIndex.upsert(product);
    await cache.del(`category:${category.id}:products`);
    res.status(201).json(product);
  }),
);

router.delete(
  '/:id',
  asyncHandler(async (req, res) => {
    await db.product.delete({ where: { id: req.params.id } });
    await searchIndex.remove(req.params.id);
    res.status(204).end();
  }),
);

router.get(
  '/',
  asyncHandler(async (req, res) => {
    const page = Number(req.query.page ?? 0);
    const [items, total] = await Promise.all([
      db.product.findMany({ skip: page * 20, take: 20, orderBy: { createdAt: 'desc' } }),
      db.product.count(),
    ]);
    res.json({ items, total, page });
  }),
);

export default router;
