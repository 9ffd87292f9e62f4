import path from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/prefer-promise-all';
import { assertSuggestionsParse } from '../gather-suggestions-parse';
import { FIXTURES_DIR, ruleTester } from '../rule-tester';
import { gatheredGroup, gatheredPair } from './gathered-reports';

/**
 * A helper of another module (or of this file) that authenticates the request whatever its name: its body reads
 * the signed-in user or session (`client.auth.getUser()`) and throws when there is none
 * (`fixtures/signed-in/session.ts`). Work after it waits for it, as after `requireUser()`: a
 * request without a session is refused before its body is read or its data looked up. A helper
 * that returns null for a visitor, or throws for a missing row, refuses nobody and stays a member.
 */
const route = path.join(FIXTURES_DIR, 'signed-in', 'app', 'api', 'upload', 'route.ts');
const dashboard = path.join(FIXTURES_DIR, 'signed-in', 'app', 'dashboard', 'page.ts');

// @typescript-eslint/rule-tester pins its own copy of utils; the rule is the same object at run time.
const testedRule = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const invalid: Invalid[] = [
  // a visitor gets null, nothing is refused: the account read and the body still overlap
  {
    filename: route,
    code: `
import { accountOrNull } from '../../../session';
export async function POST(req: Request) {
  const account = await accountOrNull();
  const form = await req.formData();
  return Response.json({ account, name: form.get('name') });
}`,
    errors: [
      gatheredPair(4, 19, `
import { accountOrNull } from '../../../session';
export async function POST(req: Request) {
  const [account, form] = await Promise.all([accountOrNull(), req.formData()]);
  return Response.json({ account, name: form.get('name') });
}`),
    ],
  },
  // a throw for a missing row is no sign-in check: two lookups by id
  {
    filename: route,
    code: `
import { folderById, quotaOf } from '../../../session';
export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  const folder = await folderById(id);
  const quota = await quotaOf(id);
  return Response.json({ folder, quota });
}`,
    errors: [
      gatheredPair(5, 18, `
import { folderById, quotaOf } from '../../../session';
export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  const [folder, quota] = await Promise.all([folderById(id), quotaOf(id)]);
  return Response.json({ folder, quota });
}`),
    ],
  },
  // after the check, two lookups still overlap each other
  {
    filename: route,
    code: `
import { currentAccount, folderById, quotaOf } from '../../../session';
export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  const account = await currentAccount();
  const folder = await folderById(id);
  const quota = await quotaOf(account.id);
  return Response.json({ folder, quota });
}`,
    errors: [
      gatheredPair(6, 18, `
import { currentAccount, folderById, quotaOf } from '../../../session';
export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get('id')!;
  const account = await currentAccount();
  const [folder, quota] = await Promise.all([folderById(id), quotaOf(account.id)]);
  return Response.json({ folder, quota });
}`),
    ],
  },
  // a helper of this file that lets a visitor through: still gathered
  {
    filename: route,
    code: `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function memberOrNull() {
  const session = await auth();
  if (!session?.user) return null;
  return session.user;
}
export async function GET(req: Request) {
  const member = await memberOrNull();
  const folder = await folderById(new URL(req.url).searchParams.get('id')!);
  return Response.json({ member, folder });
}`,
    errors: [
      gatheredPair(10, 18, `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function memberOrNull() {
  const session = await auth();
  if (!session?.user) return null;
  return session.user;
}
export async function GET(req: Request) {
  const [member, folder] = await Promise.all([
    memberOrNull(),
    folderById(new URL(req.url).searchParams.get('id')!),
  ]);
  return Response.json({ member, folder });
}`),
    ],
  },
  // every helper of the data layer checks the session itself: none refuses a request sooner than
  // the others would, and the three loads still overlap
  {
    filename: dashboard,
    code: `
import { customersOfMember, invoicesOfMember, revenueOfMember } from '../../session-data';
export default async function Page() {
  const invoices = await invoicesOfMember();
  const customers = await customersOfMember();
  const revenue = await revenueOfMember();
  return { invoices, customers, revenue };
}`,
    errors: [
      gatheredGroup(3, 4, 20, `
import { customersOfMember, invoicesOfMember, revenueOfMember } from '../../session-data';
export default async function Page() {
  const [invoices, customers, revenue] = await Promise.all([
    invoicesOfMember(),
    customersOfMember(),
    revenueOfMember(),
  ]);
  return { invoices, customers, revenue };
}`),
    ],
  },
  // the same with the helpers declared beside the page
  {
    filename: dashboard,
    code: `
import { auth } from '../../auth';
import { db } from '../../db';
async function invoicesOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  return db.invoice.findMany({ where: { ownerId: session.user.id } });
}
async function customersOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  return db.customer.findMany({ where: { ownerId: session.user.id } });
}
export default async function Page() {
  const invoices = await invoicesOfMember();
  const customers = await customersOfMember();
  return { invoices, customers };
}`,
    errors: [
      gatheredPair(15, 20, `
import { auth } from '../../auth';
import { db } from '../../db';
async function invoicesOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  return db.invoice.findMany({ where: { ownerId: session.user.id } });
}
async function customersOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  return db.customer.findMany({ where: { ownerId: session.user.id } });
}
export default async function Page() {
  const [invoices, customers] = await Promise.all([invoicesOfMember(), customersOfMember()]);
  return { invoices, customers };
}`),
    ],
  },
  // a helper that checks the session and then loads a list of its own data is a load with a
  // preamble, not the request's sign-in check: the public read beside it still overlaps
  {
    filename: dashboard,
    code: `
import { db } from '../../db';
import { invoicesOfMember } from '../../session-data';
export default async function Page() {
  const invoices = await invoicesOfMember();
  const news = await db.announcement.findMany({ where: { public: true } });
  return { invoices, news };
}`,
    errors: [
      gatheredPair(5, 20, `
import { db } from '../../db';
import { invoicesOfMember } from '../../session-data';
export default async function Page() {
  const [invoices, news] = await Promise.all([
    invoicesOfMember(),
    db.announcement.findMany({ where: { public: true } }),
  ]);
  return { invoices, news };
}`),
    ],
  },
  // the same with the helper declared beside the page and its query awaited
  {
    filename: dashboard,
    code: `
import { auth } from '../../auth';
import { db } from '../../db';
async function invoicesOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  const rows = await db.invoice.findMany({ where: { ownerId: session.user.id } });
  return rows;
}
export default async function Page() {
  const invoices = await invoicesOfMember();
  const news = await db.announcement.findMany({ where: { public: true } });
  return { invoices, news };
}`,
    errors: [
      gatheredPair(11, 20, `
import { auth } from '../../auth';
import { db } from '../../db';
async function invoicesOfMember() {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  const rows = await db.invoice.findMany({ where: { ownerId: session.user.id } });
  return rows;
}
export default async function Page() {
  const [invoices, news] = await Promise.all([
    invoicesOfMember(),
    db.announcement.findMany({ where: { public: true } }),
  ]);
  return { invoices, news };
}`),
    ],
  },
  // a room's session by its id is a lookup of the game, not the caller's sign-in
  {
    filename: route,
    code: `
import { openRoom } from '../../../rooms';
export async function POST(req: Request) {
  const room = await openRoom(new URL(req.url).searchParams.get('room')!);
  const move = await req.json();
  return Response.json({ room, move });
}`,
    errors: [
      gatheredPair(4, 16, `
import { openRoom } from '../../../rooms';
export async function POST(req: Request) {
  const [room, move] = await Promise.all([
    openRoom(new URL(req.url).searchParams.get('room')!),
    req.json(),
  ]);
  return Response.json({ room, move });
}`),
    ],
  },
  // the admin SDK's user by id: another user's account, not the caller's sign-in
  {
    filename: route,
    code: `
import { accountOf } from '../../../rooms';
export async function POST(req: Request) {
  const account = await accountOf(new URL(req.url).searchParams.get('uid')!);
  const note = await req.json();
  return Response.json({ account, note });
}`,
    errors: [
      gatheredPair(4, 19, `
import { accountOf } from '../../../rooms';
export async function POST(req: Request) {
  const [account, note] = await Promise.all([
    accountOf(new URL(req.url).searchParams.get('uid')!),
    req.json(),
  ]);
  return Response.json({ account, note });
}`),
    ],
  },
  // the only throw is in a callback run later: the helper itself lets a visitor through
  {
    filename: route,
    code: `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function watchedMember(events: { on(name: string, run: () => void): void }) {
  const session = await auth();
  events.on('expired', () => {
    if (!session?.user) throw new Error('expired');
  });
  return session?.user ?? null;
}
export async function GET(req: Request) {
  const member = await watchedMember(globalThis as never);
  const folder = await folderById(new URL(req.url).searchParams.get('id')!);
  return Response.json({ member, folder });
}`,
    errors: [
      gatheredPair(12, 18, `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function watchedMember(events: { on(name: string, run: () => void): void }) {
  const session = await auth();
  events.on('expired', () => {
    if (!session?.user) throw new Error('expired');
  });
  return session?.user ?? null;
}
export async function GET(req: Request) {
  const [member, folder] = await Promise.all([
    watchedMember(globalThis as never),
    folderById(new URL(req.url).searchParams.get('id')!),
  ]);
  return Response.json({ member, folder });
}`),
    ],
  },
];

ruleTester.run('prefer-promise-all', testedRule, {
  valid: [
    // the helper refuses a request without a session: the body is read after it
    {
      filename: route,
      code: `
import { currentAccount } from '../../../session';
export async function POST(req: Request) {
  const account = await currentAccount();
  const form = await req.formData();
  return Response.json({ account, name: form.get('name') });
}`,
    },
    // the same check before a lookup of the request's folder
    {
      filename: route,
      code: `
import { currentAccount, folderById } from '../../../session';
export async function GET(req: Request) {
  const account = await currentAccount();
  const folder = await folderById(new URL(req.url).searchParams.get('id')!);
  return Response.json({ account, folder });
}`,
    },
    // a helper of this file of the same shape
    {
      filename: route,
      code: `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function signedInMember() {
  const session = await auth();
  if (!session?.user) throw new Error('not signed in');
  return session.user;
}
export async function GET(req: Request) {
  const member = await signedInMember();
  const folder = await folderById(new URL(req.url).searchParams.get('id')!);
  return Response.json({ member, folder });
}`,
    },
    // a helper that checks the session, then reads the member's own row by its id, still returns
    // the caller's identity: the check ends the group
    {
      filename: route,
      code: `
import { auth } from '../../../auth';
import { db } from '../../../db';
async function memberProfile() {
  const session = await auth();
  if (!session?.user) throw new Error('not signed in');
  return db.profile.findUnique({ where: { userId: session.user.id } });
}
export async function POST(req: Request) {
  const profile = await memberProfile();
  const form = await req.formData();
  return Response.json({ profile, name: form.get('name') });
}`,
    },
    // a session read of the request's headers is the caller's sign-in: the check still ends the group
    {
      filename: route,
      code: `
import { auth } from '../../../auth';
import { folderById } from '../../../session';
async function sessionOf(req: Request) {
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) throw new Error('not signed in');
  return session;
}
export async function GET(req: Request) {
  const session = await sessionOf(req);
  const folder = await folderById(new URL(req.url).searchParams.get('id')!);
  return Response.json({ session, folder });
}`,
    },
  ],
  invalid,
});

assertSuggestionsParse('prefer-promise-all', invalid);
