// app/api/orders/[id]/route.ts — Next.js App Router handler
import { NextRequest, NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { stripe } from '@/lib/stripe';
import { revalidateTag } from 'next/cache';

async function trackView(orderId: string, userId: string) {
  await fetch(process.env.ANALYTICS_URL + '/events', {
    method: 'POST',
    body: JSON.stringify({ type: 'order.view', orderId, userId }),
  });
}

export async function GET(req: NextRequest, { params }: { params: { id: string } }) {
  const session = await getServerSession(authOptions);
  if (!session?.user) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }

  const order = await prisma.order.findUnique({ where: { id: params.id } }); // expect: prefer-promise-all
  const shipping = await prisma.shipment.findFirst({ where: { orderId: params.id } });
  if (!order || order.userId !== session.user.id) {
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  }

  trackView(order.id, session.user.id); // expect: no-floating-promises
  return NextResponse.json({ order, shipping });
}

export async function PATCH(req: NextRequest, { params }: { params: { id: string } }) {
  const body = await req.json(); // expect: prefer-promise-all
  const order = await prisma.order.findUniqueOrThrow({ where: { id: params.id } });
  const intent = await stripe.paymentIntents.retrieve(order.paymentIntentId);

  if (intent.status !== 'succeeded') {
    return NextResponse.json({ error: 'payment pending' }, { status: 409 });
  }

  const updated = await prisma.order.update({
    where: { id: order.id },
    data: { note: body.note ?? null },
  });
  revalidateTag(`order:${order.id}`);
  return NextResponse.json(updated);
}

export async function DELETE(_req: NextRequest, { params }: { params: { id: string } }) {
  await prisma.$transaction(async (tx) => {
    const items = await tx.orderItem.findMany({ where: { orderId: params.id } });
    for (const item of items) {
      await tx.inventory.update({
        where: { sku: item.sku },
        data: { reserved: { decrement: item.quantity } },
      });
    }
    await tx.order.delete({ where: { id: params.id } });
  });

  fetch(`${process.env.SEARCH_URL}/orders/${params.id}`, { method: 'DELETE' }); // expect: no-floating-promises
  return new NextResponse(null, { status: 204 });
}
