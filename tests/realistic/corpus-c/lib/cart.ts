export interface CatalogPort {
  price(sku: string): Promise<number>;
  reserve(sku: string, qty: number): Promise<boolean>;
}

const COUPONS: Record<string, number> = { HALF: 0.5, TENOFF: 0.9 };

/** A shopping cart; prices come from the catalog port when a line is added. */
export class Cart {
  private readonly items = new Map<string, { qty: number; cents: number }>();
  private discount = 1;
  private readonly createdAt = Date.now();

  constructor(private readonly catalog: CatalogPort) {}

  get expired(): boolean {
    return Date.now() - this.createdAt >= 30 * 60 * 1000;
  }

  async add(sku: string, qty: number): Promise<void> {
    const existing = this.items.get(sku);
    const cents = existing?.cents ?? (await this.catalog.price(sku));
    this.items.set(sku, { qty: (existing?.qty ?? 0) + qty, cents });
  }

  async applyCoupon(code: string): Promise<void> {
    const factor = COUPONS[code];
    if (!factor) throw new Error(`unknown coupon ${code}`);
    this.discount = factor;
  }

  lines(): Array<{ sku: string; qty: number }> {
    return [...this.items].map(([sku, { qty }]) => ({ sku, qty }));
  }

  async total(): Promise<number> {
    let sum = 0;
    for (const { qty, cents } of this.items.values()) sum += qty * cents;
    return Math.round(sum * this.discount);
  }

  async checkout(): Promise<void> {
    if (this.items.size === 0) throw new Error('empty cart');
    for (const [sku, { qty }] of this.items) {
      const ok = await this.catalog.reserve(sku, qty);
      if (!ok) throw new Error(`out of stock: ${sku}`);
    }
  }
}
