// Renders media/icon.svg to the 128×128 marketplace icon media/icon.png with the browser the tests
// use (Debian's chromium through playwright-core). Run after editing the SVG: node scripts/renderIcon.js
const { chromium } = require('playwright-core');
const { readFileSync } = require('fs');
const { join } = require('path');

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  const svg = readFileSync(join(__dirname, '..', 'media', 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(__dirname, '..', 'media', 'icon.png'), omitBackground: true });
  await browser.close();
})();
