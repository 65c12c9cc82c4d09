import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
page.on('console', m => { if (m.type() === 'error') errors.push(m.text().slice(0, 200)); });
await page.goto('http://localhost:3000');
await page.getByRole('button', { name: 'Enter' }).click();
await page.waitForTimeout(3000);
const pages = process.argv.slice(2);
for (const [i, p] of pages.entries()) {
  await page.goto('http://localhost:3000' + p);
  await page.waitForTimeout(6000);
  await page.screenshot({ path: `/tmp/shots/${i}.png`, fullPage: false });
  const h = await page.evaluate(() => { const el = document.querySelector('main article') || document.body; return el.scrollHeight; });
  console.log(i, p, 'contentHeight', h);
}
console.log(errors.slice(0, 10).join('\n'));
await browser.close();
