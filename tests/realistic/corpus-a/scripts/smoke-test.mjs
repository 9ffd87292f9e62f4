#!/usr/bin/env node
// Post-deploy smoke test: logs in with the synthetic user and visits key pages.
import puppeteer from 'puppeteer';
import assert from 'node:assert/strict';

const BASE_URL = process.env.SMOKE_BASE_URL ?? 'https://staging.acme.test';
const ROUTES = ['/dashboard', '/projects', '/billing', '/settings/profile'];

async function login(page) {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'networkidle2' });
  await page.type('#email', process.env.SMOKE_USER);
  await page.type('#password', process.env.SMOKE_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

async function run() {
  const browser = await puppeteer.launch({ headless: 'new', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (err) => failures.push(`page error: ${err.message}`));

  try {
    await login(page);
    const title = await page.title();
    const greeting = await page.$eval('[data-test=greeting]', (el) => el.textContent);
    assert.match(title, /Dashboard/);
    assert.ok(greeting.includes('Smoke'), `unexpected greeting: ${greeting}`);

    for (const route of ROUTES) {
      const res = await page.goto(`${BASE_URL}${route}`, { waitUntil: 'networkidle2' });
      if (!res || res.status() >= 400) {
        failures.push(`${route}: HTTP ${res ? res.status() : 'no response'}`);
        continue;
      }
      const heading = await page.$eval('h1', (el) => el.textContent.trim()).catch(() => null);
      if (!heading) failures.push(`${route}: missing <h1>`);
    }
  } finally {
    await browser.close();
  }

  if (failures.length > 0) {
    console.error(`smoke test failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`smoke test passed (${ROUTES.length} routes)`);
  }
}

await run();
