const API = 'https://api.github.com';

export interface Repo {
  id: number;
  full_name: string;
  default_branch: string;
  archived: boolean;
  pushed_at: string;
}

interface GhResult<T> {
  data: T;
  next?: string;
}

async function gh<T>(pathOrUrl: string, token: string): Promise<GhResult<T>> {
  const res = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${API}${pathOrUrl}`, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
    },
  });
  if (!res.ok) {
    const err = new Error(`GitHub ${res.status} for ${pathOrUrl}`) as Error & { status: number };
    err.status = res.status;
    throw err;
  }
  const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  return { data: (await res.json()) as T, next };
}

export async function listOrgRepos(org: string, token: string): Promise<Repo[]> {
  const repos: Repo[] = [];
  let url: string | undefined = `/orgs/${org}/repos?per_page=100&type=all`;
  while (url) {
    const page: GhResult<Repo[]> = await gh<Repo[]>(url, token);
    repos.push(...page.data);
    url = page.next;
  }
  return repos;
}

export async function reposForOrgs(orgs: string[], token: string): Promise<Record<string, Repo[]>> {
  const byOrg: Record<string, Repo[]> = {};
  for (const org of orgs) {
    byOrg[org] = await listOrgRepos(org, token); // expect: prefer-promise-all-in-loop
  }
  return byOrg;
}

/** Returns the first repo (in priority order) that contains `file`. */
export async function firstRepoWithFile(repos: Repo[], file: string, token: string): Promise<Repo | null> {
  for (const repo of repos) {
    try {
      await gh(`/repos/${repo.full_name}/contents/${file}`, token);
      return repo;
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
  }
  return null;
}

export async function getRepoOverview(owner: string, name: string, token: string) {
  const { data: repo } = await gh<Repo>(`/repos/${owner}/${name}`, token); // expect: prefer-promise-all
  const { data: languages } = await gh<Record<string, number>>(`/repos/${owner}/${name}/languages`, token);
  const { data: contributors } = await gh<Array<{ login: string; contributions: number }>>(
    `/repos/${owner}/${name}/contributors?per_page=10`,
    token,
  );
  return {
    name: repo.full_name,
    defaultBranch: repo.default_branch,
    languages: Object.keys(languages),
    topContributors: contributors.map((c) => c.login),
  };
}

export async function latestCommit(owner: string, name: string, token: string) {
  const { data: repo } = await gh<Repo>(`/repos/${owner}/${name}`, token);
  const { data: branch } = await gh<{ commit: { sha: string } }>(
    `/repos/${owner}/${name}/branches/${repo.default_branch}`,
    token,
  );
  return branch.commit.sha;
}
