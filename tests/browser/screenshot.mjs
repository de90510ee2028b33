// Screenshots of an HTML page for review, wide and phone, light and dark:
//   node tests/browser/screenshot.mjs PAGE.html OUT_DIR [NAME]
// writes OUT_DIR/NAME-wide-{light,dark}.png (the whole page) and
// NAME-phone-{light,dark}.png and NAME-phone-table-{light,dark}.png (the first screen and the
// repository list on a phone); NAME defaults to the page's base name.
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { launch, requireChromium } from './chromium.mjs';

const [page_file, out_dir, name_arg] = process.argv.slice(2);
if (!page_file || !out_dir) {
  console.error('usage: node tests/browser/screenshot.mjs PAGE.html OUT_DIR [NAME]');
  process.exit(2);
}
requireChromium();
const name = name_arg || basename(page_file).replace(/\.html?$/, '');
mkdirSync(out_dir, { recursive: true });
const browser = await launch();
try {
  const page = await browser.context.newPage();
  for (const [size, viewport] of [['wide', { width: 1440, height: 900 }],
                                  ['phone', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pathToFileURL(resolve(page_file)).href, { waitUntil: 'load' });
      const file = join(out_dir, `${name}-${size}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: size === 'wide' });
      console.log(file);
      if (size === 'phone') {
        await page.evaluate(() => document.getElementById('repositories').scrollIntoView());
        const table = join(out_dir, `${name}-phone-table-${scheme}.png`);
        await page.screenshot({ path: table });
        console.log(table);
      }
    }
  }
} finally {
  await browser.close();
}
