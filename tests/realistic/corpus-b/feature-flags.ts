import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

export interface FlagRule {
  key: string;
  enabled: boolean;
  rolloutPercent?: number;
  segments?: string[];
}

export class FeatureFlagClient extends EventEmitter {
  private flags = new Map<string, FlagRule>();
  private timer?: NodeJS.Timeout;
  private ready: Promise<void>;

  constructor(private readonly baseUrl: string, private readonly sdkKey: string, bootstrapFile?: string) {
    super();
    if (bootstrapFile) {
      // Synchronous bootstrap in the constructor so flags are usable immediately.
      for (const rule of JSON.parse(readFileSync(bootstrapFile, 'utf8')) as FlagRule[]) {
        this.flags.set(rule.key, rule);
      }
    }
    this.ready = this.refresh();
    this.ready.catch((err) => this.emit('error', err));
  }

  private async refresh(): Promise<void> {
    const res = await fetch(`${this.baseUrl}/sdk/flags`, { headers: { authorization: this.sdkKey } });
    if (!res.ok) throw new Error(`flag fetch failed: ${res.status}`);
    const rules = (await res.json()) as FlagRule[];
    this.flags = new Map(rules.map((r) => [r.key, r]));
    this.emit('update', rules.length);
  }

  startPolling(intervalMs = 30_000) {
    this.timer = setInterval(() => {
      this.refresh().catch((err) => this.emit('error', err));
    }, intervalMs);
    this.timer.unref();
  }

  async waitUntilReady(timeoutMs = 2000) {
    let timeout: NodeJS.Timeout | undefined;
    const timer = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([this.ready.catch(() => undefined), timer]);
    clearTimeout(timeout);
  }

  isEnabled(key: string, userId: string, segments: string[] = []): boolean {
    const rule = this.flags.get(key);
    if (!rule || !rule.enabled) return false;
    if (rule.segments?.length && !rule.segments.some((s) => segments.includes(s))) return false;
    if (rule.rolloutPercent === undefined) return true;
    return hashPercent(`${key}:${userId}`) < rule.rolloutPercent;
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.removeAllListeners();
  }
}

function hashPercent(input: string): number {
  let h = 0;
  for (let i = 0; i < input.length; i++) h = (h * 31 + input.charCodeAt(i)) | 0;
  return Math.abs(h) % 100;
}
