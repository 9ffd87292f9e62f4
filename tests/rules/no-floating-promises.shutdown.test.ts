import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/no-floating-promises';
import { ruleTester } from '../rule-tester';

/**
 * A program's way out (`analysis/shutdown-paths.ts`): a shutdown that ends the process started
 * from a termination-signal listener, and a teardown dropped in a `finally` or in a `catch` that
 * rethrows the caught error. The error in flight, or the exit, is what matters there; reviewers
 * did not change these (blind set 8: 4 reports, all pointless).
 */

const signalShutdown = `async function shutdown(code) {
  await server.close();
  process.exit(code);
}
process.on('SIGTERM', () => {
  shutdown(143);
});`;

const signalShutdownInIife = `async function shutdown(code) {
  await server.close();
  void (async () => {
    await cleanUp();
    process.exit(code);
  })();
}
process.once('SIGINT', async () => {
  shutdown(130);
});`;

const signalNoExit = `async function flush() {
  await queue.flush();
}
process.on('SIGTERM', () => {
  flush();
});`;

const signalChainExit = `export function serve(driver) {
  process.on('SIGINT', () => {
    driver.stop().then(() => {
      process.exit(0);
    });
  });
}`;

const signalChainNoExit = `export function serve(driver) {
  process.on('SIGINT', () => {
    driver.stop().then(() => {
      console.log('stopped');
    });
  });
}`;

const finallyTeardown = `export class Renderer {
  async render(job) {
    try {
      return await this.child.render(job);
    } finally {
      this.kill();
    }
  }
  async kill() {
    await this.child.exit();
  }
}`;

const rethrowingCatch = `export class Server {
  start() {
    return this.listen().catch((error) => {
      this.stop();
      throw error;
    });
  }
  async listen() {
    await this.socket.open();
  }
  async stop() {
    await this.socket.close();
  }
}`;

const swallowingCatch = `export class Server {
  async start() {
    try {
      await this.socket.open();
    } catch (error) {
      this.stop();
      log(error);
    }
  }
  async stop() {
    await this.socket.close();
  }
}`;

const finallySave = `export class Renderer {
  async render(job) {
    try {
      return await this.child.render(job);
    } finally {
      this.saveReport();
    }
  }
  async saveReport() {
    await this.store.put(this.report);
  }
}`;

const valid: ValidTestCase<Options>[] = [
  // a termination-signal listener starting a shutdown that ends the process
  { code: signalShutdown },
  // ... the exit inside an async IIFE of the shutdown
  { code: signalShutdownInIife },
  // ... or a `.then` chain whose callback ends the process
  { code: signalChainExit },
  // a teardown in `finally`, and in a `.catch` callback that rethrows
  { code: finallyTeardown },
  { code: rethrowingCatch },
];

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // the signal listener starts work that does not end the process: a flush whose failure is lost
  {
    code: signalNoExit,
    errors: [{ messageId: 'floating', line: 5, column: 3, suggestions: [{ messageId: 'suggestVoid', output: signalNoExit.replace('  flush();', '  void flush();') }] }],
  },
  // the chain's callback does not end the process: a failed stop is lost
  {
    code: signalChainNoExit,
    errors: [
      {
        messageId: 'floatingChain',
        data: { method: 'then' },
        line: 3,
        column: 5,
        suggestions: [{ messageId: 'suggestVoid', output: signalChainNoExit.replace('    driver.stop()', '    void driver.stop()') }],
      },
    ],
  },
  // a `catch` that handles the error: the teardown's own failure would be lost
  {
    code: swallowingCatch,
    errors: [
      {
        messageId: 'floating',
        line: 6,
        column: 7,
        suggestions: [
          { messageId: 'suggestAwait', output: swallowingCatch.replace('      this.stop();', '      await this.stop();') },
          { messageId: 'suggestVoid', output: swallowingCatch.replace('      this.stop();', '      void this.stop();') },
        ],
      },
    ],
  },
  // not a teardown: a report saved in `finally` is work of its own
  {
    code: finallySave,
    errors: [
      {
        messageId: 'floating',
        line: 6,
        column: 7,
        suggestions: [
          { messageId: 'suggestAwait', output: finallySave.replace('      this.saveReport();', '      await this.saveReport();') },
          { messageId: 'suggestVoid', output: finallySave.replace('      this.saveReport();', '      void this.saveReport();') },
        ],
      },
    ],
  },
  // checkCannotReject (strict) marks them all
  {
    code: finallyTeardown,
    options: [{ checkCannotReject: true }],
    errors: [
      {
        messageId: 'floating',
        line: 6,
        column: 7,
        suggestions: [
          { messageId: 'suggestAwait', output: finallyTeardown.replace('      this.kill();', '      await this.kill();') },
          { messageId: 'suggestVoid', output: finallyTeardown.replace('      this.kill();', '      void this.kill();') },
        ],
      },
    ],
  },
];

ruleTester.run<MessageIds, Options>('no-floating-promises (on the way out)', rule as never, { valid, invalid });
