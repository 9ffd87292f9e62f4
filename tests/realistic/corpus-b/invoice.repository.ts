import { DataSource, EntityManager, In } from 'typeorm';
import { Invoice } from './entities/invoice.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { Customer } from './entities/customer.entity';

export class InvoiceRepository {
  constructor(private readonly ds: DataSource) {}

  async findWithLines(id: string) {
    const invoice = await this.ds.getRepository(Invoice).findOneByOrFail({ id });
    const lines = await this.ds.getRepository(InvoiceLine).findBy({ invoiceId: invoice.id });
    return { ...invoice, lines };
  }

  async createDraft(customerId: string, lines: Array<{ sku: string; qty: number; price: number }>) {
    return this.ds.transaction(async (tx: EntityManager) => {
      const customer = await tx.findOneByOrFail(Customer, { id: customerId });
      const invoice = await tx.save(Invoice, { customerId: customer.id, status: 'draft', currency: customer.currency });
      // Line numbers are assigned by a DB sequence inside the transaction: keep order.
      for (const [i, line] of lines.entries()) {
        await tx.save(InvoiceLine, { ...line, invoiceId: invoice.id, position: i + 1 });
      }
      return invoice;
    });
  }

  async dashboard(customerId: string) {
    const repo = this.ds.getRepository(Invoice);
    const open = await repo.countBy({ customerId, status: 'open' });
    const overdue = await repo.countBy({ customerId, status: 'overdue' });
    return { open, overdue };
  }

  async markPaid(ids: string[]) {
    const result = await this.ds.getRepository(Invoice).update({ id: In(ids) }, { status: 'paid', paidAt: new Date() });
    const refreshed = await this.ds.getRepository(Invoice).findBy({ id: In(ids) });
    return { affected: result.affected ?? 0, refreshed };
  }

  async *streamAll(batchSize = 500) {
    let cursor: string | undefined;
    for (;;) {
      const qb = this.ds.getRepository(Invoice).createQueryBuilder('i').orderBy('i.id').take(batchSize);
      if (cursor) qb.where('i.id > :cursor', { cursor });
      const page = await qb.getMany();
      if (page.length === 0) return;
      yield* page;
      cursor = page[page.length - 1].id;
    }
  }

  async exportCsv(write: (chunk: string) => Promise<void>) {
    await write('id,customer,total,status\n');
    for await (const inv of this.streamAll()) {
      await write(`${inv.id},${inv.customerId},${inv.total},${inv.status}\n`);
    }
  }
}
