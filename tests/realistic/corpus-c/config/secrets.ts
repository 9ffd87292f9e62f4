export async function fetchSecrets(env: string): Promise<Record<string, string>> {
  const response = await fetch(`${process.env.VAULT_ADDR}/v1/secret/data/app-${env}`, {
    headers: { 'x-vault-token': process.env.VAULT_TOKEN ?? '' },
  });
  if (!response.ok) throw new Error(`vault: ${response.status}`);
  const { data } = await response.json();
  return data.data;
}
