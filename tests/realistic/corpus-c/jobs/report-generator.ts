import { writeFile } from 'node:fs/promises';
import { RestClient } from '../lib/http-client';
import { renderPdf } from './pdf';

const crm = new RestClient({ baseUrl: process.env.CRM_URL ?? 'http://crm.internal', token: process.env.CRM_TOKEN });
const erp = new RestClient({ baseUrl: process.env.ERP_URL ?? 'http://erp.internal', token: process.env.ERP_TOKEN });

interface Region {
  code: string;
  name: string;
}

async function salesFor(region: Region, quarter: string) {
  return erp.request<Array<{ sku: string; cents: number }>>('GET', `/sales?region=${region.code}&q=${quarter}`);
}

async function leadsFor(region: Region, quarter: string) {
  return crm.request<Array<{ id: string; stage: string }>>('GET', `/leads?region=${region.code}&q=${quarter}`);
}

async function targetsFor(quarter: string) {
  return erp.request<Record<string, number>>('GET', `/targets/${quarter}`);
}

export async function quarterlyReport(regions: Region[], quarter: string, outDir: string): Promise<string[]> {
  const targets = await targetsFor(quarter);
  const written: string[] = [];
  for (const region of regions) {
    const [sales, leads] = await Promise.all([await salesFor(region, quarter), leadsFor(region, quarter)]); // expect: prefer-promise-all
    const pdf = await renderPdf({ region, quarter, sales, leads, target: targets[region.code] ?? 0 });
    const file = `${outDir}/${quarter}-${region.code}.pdf`;
    await writeFile(file, pdf);
    written.push(file);
  }
  return written;
}

export async function regionSummary(region: Region, quarter: string) {
  const sales = await salesFor(region, quarter); // expect: prefer-promise-all
  const leads = await leadsFor(region, quarter);
  const won = leads.filter((l) => l.stage === 'won').length;
  return { region: region.code, revenue: sales.reduce((sum, s) => sum + s.cents, 0), won };
}

export async function exportAllRegions(regions: Region[], quarter: string, outDir: string) {
  const summaries = [];
  for (const region of regions) {
    const summary = await regionSummary(region, quarter); // expect: prefer-promise-all-in-loop
    summaries.push(summary);
  }
  await writeFile(`${outDir}/${quarter}-summary.json`, JSON.stringify(summaries, null, 2));
  return summaries;
}
