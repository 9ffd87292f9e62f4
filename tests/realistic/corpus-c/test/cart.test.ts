import { describe, it, beforeEach, afterEach, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cart, type CatalogPort } from '../lib/cart';

const fixtures = path.join(__dirname, 'fixtures');

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
}

describe('Cart', () => {
  let catalog: CatalogPort;
  let cart: Cart;

  beforeEach(async () => {
    const products = fixture<Array<{ sku: string; cents: number }>>('products.json');
    catalog = {
      price: vi.fn(async (sku: string) => products.find((p) => p.sku === sku)?.cents ?? 0),
      reserve: vi.fn(async () => true),
    };
    cart = new Cart(catalog);
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sums line prices', async () => {
    await cart.add('SKU-1', 2);
    await cart.add('SKU-2', 1);
    expect(await cart.total()).toBe(2 * 1299 + 450);
  });

  it('reserves stock once per sku', async () => {
    await cart.add('SKU-1', 1);
    await cart.add('SKU-1', 3);
    await cart.checkout();
    expect(catalog.reserve).toHaveBeenCalledTimes(1);
  });

  it('expires after thirty minutes', async () => {
    await cart.add('SKU-1', 1);
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000);
    expect(cart.expired).toBe(true);
  });

  it('rejects checkout of an empty cart', async () => {
    await expect(cart.checkout()).rejects.toThrow('empty cart');
  });

  it('keeps the quantities of a saved cart', async () => {
    const saved = fixture<Array<{ sku: string; qty: number }>>('saved-cart.json');
    for (const line of saved) {
      await cart.add(line.sku, line.qty);
    }
    expect(cart.lines()).toEqual(saved);
  });

  it('applies a coupon', async () => {
    await cart.add('SKU-2', 2);
    cart.applyCoupon('HALF'); // expect-typed: no-floating-promises
    expect(await cart.total()).toBe(450);
  });
});
