import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import Stripe from 'stripe';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';

const stripe = new Stripe(process.env.STRIPE_KEY!, { apiVersion: '2024-06-20' });
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
// Read once per container at cold start.
const planMap: Record<string, string> = JSON.parse(readFileSync('./plans.json', 'utf8'));

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  let evt: Stripe.Event;
  try {
    evt = stripe.webhooks.constructEvent(event.body!, event.headers['stripe-signature']!, process.env.WH_SECRET!);
  } catch {
    return { statusCode: 400, body: 'bad signature' };
  }

  // Idempotency marker must be written before side effects.
  await ddb.send(
    new PutCommand({
      TableName: process.env.EVENTS_TABLE,
      Item: { pk: evt.id, type: evt.type },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );

  if (evt.type === 'customer.subscription.updated') {
    const sub = evt.data.object as Stripe.Subscription;
    const customer = await stripe.customers.retrieve(sub.customer as string);
    const tenantId = (customer as Stripe.Customer).metadata.tenantId;
    await ddb.send(
      new UpdateCommand({
        TableName: process.env.TENANTS_TABLE,
        Key: { pk: tenantId },
        UpdateExpression: 'SET plan = :p',
        ExpressionAttributeValues: { ':p': planMap[sub.items.data[0].price.id] ?? 'free' },
      }),
    );
  }

  if (evt.type === 'invoice.payment_failed') {
    const invoice = evt.data.object as Stripe.Invoice;
    const sent = await stripe.invoices.sendInvoice(invoice.id!);
    await ddb.send(
      new UpdateCommand({
        TableName: process.env.TENANTS_TABLE,
        Key: { pk: invoice.metadata?.tenantId },
        UpdateExpression: 'SET pastDue = :t, lastInvoice = :i',
        ExpressionAttributeValues: { ':t': true, ':i': sent.id },
      }),
    );
  }

  return { statusCode: 200, body: 'ok' };
};
