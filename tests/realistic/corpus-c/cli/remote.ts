const REGISTRY = process.env.NPM_REGISTRY ?? 'https://registry.npmjs.org';
const GITHUB = 'https://api.github.com';

export async function registryInfo(pkg: string): Promise<{ latest: string; versions: string[] }> {
  const response = await fetch(`${REGISTRY}/${encodeURIComponent(pkg)}`);
  if (!response.ok) throw new Error(`registry: ${response.status}`);
  const body = await response.json();
  return { latest: body['dist-tags'].latest, versions: Object.keys(body.versions) };
}

export async function githubReleases(repo: string): Promise<Array<{ tag: string }>> {
  const response = await fetch(`${GITHUB}/repos/${repo}/releases`, {
    headers: { authorization: `token ${process.env.GITHUB_TOKEN}` },
  });
  if (!response.ok) throw new Error(`github: ${response.status}`);
  return (await response.json()).map((r: { tag_name: string }) => ({ tag: r.tag_name }));
}

export async function publishRelease(version: string): Promise<void> {
  const response = await fetch(`${GITHUB}/repos/${process.env.RELEASE_REPO}/releases`, {
    method: 'POST',
    headers: { authorization: `token ${process.env.GITHUB_TOKEN}` },
    body: JSON.stringify({ tag_name: `v${version}` }),
  });
  if (!response.ok) throw new Error(`github: ${response.status}`);
}
