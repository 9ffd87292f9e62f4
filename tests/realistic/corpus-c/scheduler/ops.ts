/** Posts to the ops channel; failures are logged, never thrown, so callers can fire and forget. */
export async function notifyOps(text: string): Promise<void> {
  try {
    const response = await fetch(process.env.OPS_WEBHOOK ?? 'http://chat.internal/hooks/ops', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    if (!response.ok) console.warn(`ops webhook answered ${response.status}`);
  } catch (error) {
    console.warn('ops webhook unreachable', error);
  }
}
