import { chromium } from 'playwright-core';
const [,, base, user, pass, path, out, lang] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: lang || 'en-GB' });
await page.goto(base + '/login');
await page.waitForSelector('vaadin-login-form');
await page.fill('input[name="username"]', user);
await page.fill('input[name="password"]', pass);
await page.click('vaadin-button[slot="submit"], vaadin-button');
await page.waitForTimeout(4000);
await page.goto(base + '/' + path);
await page.waitForTimeout(5000);
await page.screenshot({ path: out });
await browser.close();
