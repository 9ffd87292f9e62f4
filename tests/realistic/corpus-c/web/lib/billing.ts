const BILLING = process.env.BILLING_URL ?? 'http://billing.internal';

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${BILLING}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`billing ${path}: ${response.status}`);
  return (await response.json()) as T;
}

export const billing = {
  listInvoices: (orgId: string, status: string) => call<Array<{ id: string }>>(`/orgs/${orgId}/invoices?status=${status}`),
  balance: (orgId: string) => call<{ cents: number }>(`/orgs/${orgId}/balance`),
  createDraft: (orgId: string, customerId: string) =>
    call<{ id: string }>(`/orgs/${orgId}/drafts`, { method: 'POST', body: JSON.stringify({ customerId }) }),
  addLines: (draftId: string, lines: unknown[]) =>
    call<void>(`/drafts/${draftId}/lines`, { method: 'POST', body: JSON.stringify(lines) }),
  finalise: (draftId: string) => call<{ id: string }>(`/drafts/${draftId}/finalise`, { method: 'POST' }),
  renderPdf: (invoiceId: string) => call<{ url: string }>(`/invoices/${invoiceId}/pdf`, { method: 'POST' }).then((r) => r.url),
  notifyCustomer: (invoiceId: string) =>
    call<{ delivered: boolean }>(`/invoices/${invoiceId}/notify`, { method: 'POST' }).then((r) => r.delivered),
};
