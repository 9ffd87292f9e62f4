const COMPILER = process.env.COMPILER_URL ?? 'http://localhost:7777';

async function compile(kind: 'scss' | 'ts', source: string, file: string): Promise<string> {
  const response = await fetch(`${COMPILER}/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source, file }),
  });
  if (!response.ok) throw new Error(`${file}: ${await response.text()}`);
  return response.text();
}

export const compileStyles = (source: string, file: string): Promise<string> => compile('scss', source, file);
export const compileScript = (source: string, file: string): Promise<string> => compile('ts', source, file);
