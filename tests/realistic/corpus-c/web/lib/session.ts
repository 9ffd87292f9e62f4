import type { NextRequest } from 'next/server';

export interface SessionUser {
  id: string;
  orgId: string;
  roles: string[];
}

const AUTH_URL = process.env.AUTH_URL ?? 'http://auth.internal';

export async function getSessionUser(request: NextRequest): Promise<SessionUser | null> {
  const cookie = request.headers.get('cookie');
  if (!cookie) return null;
  const response = await fetch(`${AUTH_URL}/session`, { headers: { cookie } });
  return response.ok ? ((await response.json()) as SessionUser) : null;
}
