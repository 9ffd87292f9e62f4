import { NextRequest, NextResponse } from 'next/server';
import { getSessionUser } from '../../../lib/session';
import { billing } from '../../../lib/billing';
import { analytics } from '../../../lib/analytics';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const user = await getSessionUser(request);
  if (!user) return NextResponse.json({ error: 'unauthorised' }, { status: 401 });

  const status = request.nextUrl.searchParams.get('status') ?? 'open';
  const invoices = await billing.listInvoices(user.orgId, status); // expect: prefer-promise-all
  const balance = await billing.balance(user.orgId);

  analytics.track('invoices.viewed', { userId: user.id, count: invoices.length });
  return NextResponse.json({ invoices, balance });
}

export async function POST(request: NextRequest) {
  const user = await getSessionUser(request);
  if (!user?.roles.includes('billing-admin')) return NextResponse.json({ error: 'forbidden' }, { status: 403 });

  const body = await request.json();
  // The draft must exist before lines are attached to it, and the total is read afterwards.
  const draft = await billing.createDraft(user.orgId, body.customerId);
  await billing.addLines(draft.id, body.lines);
  const finalised = await billing.finalise(draft.id);

  const pdf = billing.renderPdf(finalised.id); // expect: no-late-promise-handling
  const notified = await billing.notifyCustomer(finalised.id);
  if (!notified) {
    return NextResponse.json({ invoice: finalised, warning: 'customer not notified' }, { status: 201 });
  }
  return NextResponse.json({ invoice: finalised, pdfUrl: await pdf }, { status: 201 });
}
