type State = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  resetTimeoutMs: number;
  callTimeoutMs: number;
}

export class CircuitBreaker<TArgs extends unknown[], TResult> {
  private state: State = 'closed';
  private failures = 0;
  private openedAt = 0;

  constructor(
    private readonly action: (...args: TArgs) => Promise<TResult>,
    private readonly opts: BreakerOptions,
    private readonly onStateChange?: (s: State) => Promise<void>,
  ) {}

  async fire(...args: TArgs): Promise<TResult> {
    if (this.state === 'open') {
      if (Date.now() - this.openedAt < this.opts.resetTimeoutMs) {
        throw new Error('circuit open');
      }
      this.transition('half-open');
    }
    try {
      const result = await this.withTimeout(args);
      this.onSuccess();
      return result;
    } catch (err) {
      this.onFailure();
      throw err;
    }
  }

  private withTimeout(args: TArgs): Promise<TResult> {
    return new Promise(async (resolve, reject) => { // expect: no-misused-async-callback
      const timer = setTimeout(() => reject(new Error('timeout')), this.opts.callTimeoutMs);
      try {
        resolve(await this.action(...args));
      } catch (e) {
        reject(e);
      } finally {
        clearTimeout(timer);
      }
    });
  }

  private onSuccess() {
    this.failures = 0;
    if (this.state !== 'closed') this.transition('closed');
  }

  private onFailure() {
    this.failures++;
    if (this.state === 'half-open' || this.failures >= this.opts.failureThreshold) {
      this.openedAt = Date.now();
      this.transition('open');
    }
  }

  private transition(next: State) {
    this.state = next;
    this.notify(next); // expect: no-floating-promises
  }

  private async notify(next: State) {
    if (this.onStateChange) await this.onStateChange(next);
  }

  get status() {
    return { state: this.state, failures: this.failures };
  }
}
