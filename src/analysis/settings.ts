import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { ApiSource } from './imports';

/**
 * APIs of one module or global, as users write them in options and settings:
 * `{ module: 'my-fs', names: ['readSync'] }` or `{ global: 'MyRuntime', names: ['sleepSync'] }`.
 * A name is a property path below the module or global (`'sync'`, `'promises.sync'`);
 * `'default'` is the module's own export called directly (`require('m')(...)`, `import m from 'm'; m()`).
 */
export type ApiSpec = { readonly module: string; readonly names: readonly string[] } | { readonly global: string; readonly names: readonly string[] };

/**
 * The plugin's shared settings, read by several rules:
 * ```js
 * settings: {
 *   'async-pitfalls': {
 *     blockingApis: [{ module: '@acme/config', names: ['loadSync'] }], // also blocking
 *     allowBlocking: [{ module: 'fs', names: ['existsSync'] }],        // accepted
 *   },
 * }
 * ```
 * Settings have no schema in ESLint, so malformed entries are skipped instead of failing.
 */
export interface AsyncPitfallsSettings {
  readonly blockingApis: readonly ApiSpec[];
  readonly allowBlocking: readonly ApiSpec[];
}

/** The JSON schema of one `ApiSpec`, for rule options. */
export const API_SPEC_SCHEMA: JSONSchema4 = {
  oneOf: [
    {
      type: 'object',
      properties: {
        module: { type: 'string', minLength: 1, description: "Module specifier as imported, e.g. 'fs' or '@acme/io'." },
        names: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
          description: "Property paths below the module, e.g. 'readSync' or 'sync.json'; 'default' for the module itself.",
        },
      },
      required: ['module', 'names'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        global: { type: 'string', minLength: 1, description: "Global object, e.g. 'Bun'." },
        names: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
          description: "Property paths below the global, e.g. 'sleepSync'.",
        },
      },
      required: ['global', 'names'],
      additionalProperties: false,
    },
  ],
};

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

function readSpecs(value: unknown): ApiSpec[] {
  if (!Array.isArray(value)) return [];
  const specs: ApiSpec[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { module, global, names } = item as Record<string, unknown>;
    if (!isStringArray(names)) continue;
    if (typeof module === 'string' && module && global === undefined) specs.push({ module, names });
    else if (typeof global === 'string' && global && module === undefined) specs.push({ global, names });
  }
  return specs;
}

/** Reads `settings['async-pitfalls']`; missing or malformed parts read as empty. */
export function readAsyncPitfallsSettings(settings: Readonly<Record<string, unknown>> | undefined): AsyncPitfallsSettings {
  const raw = settings?.['async-pitfalls'];
  if (typeof raw !== 'object' || raw === null) return { blockingApis: [], allowBlocking: [] };
  const record = raw as Record<string, unknown>;
  return { blockingApis: readSpecs(record.blockingApis), allowBlocking: readSpecs(record.allowBlocking) };
}

/** The source of a spec, in the shape the import index takes. */
export function specSource(spec: ApiSpec): ApiSource {
  return 'module' in spec ? { module: spec.module } : { global: spec.global };
}

/** A spec name as a property path: `'a.b'` -> `['a', 'b']`, `'default'` -> `[]`. */
export function specPath(name: string): string[] {
  return name === 'default' || name === '' ? [] : name.split('.');
}
