import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type TemplateName = 'welcome' | 'reset' | 'digest' | 'receipt';

const compiled = new Map<TemplateName, Promise<string>>();

/** Reads each template file once; later calls get the cached promise. */
function load(name: TemplateName): Promise<string> {
  let pending = compiled.get(name);
  if (!pending) {
    pending = readFile(path.join(__dirname, 'mail-templates', `${name}.html`), 'utf8');
    compiled.set(name, pending);
  }
  return pending;
}

export async function renderTemplate(name: TemplateName, vars: Record<string, string>): Promise<string> {
  const source = await load(name);
  return source.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '');
}
