// The HTML catalog in a real headless Chromium: it loads from file:// with no console error
// and no request beyond itself, shows the counts of catalog.json, filters and sorts, renders
// in the dark scheme and on a phone, and a hostile portfolio cannot inject anything.
//
//   GOLDEN_BINARY=build/dev/src/cli/golden node tests/browser/catalog.test.mjs
//
// Exit status 77 (CTest: skipped) when Chromium is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { launch, requireChromium } from './chromium.mjs';

requireChromium();

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = process.env.GOLDEN_SOURCE_DIR || resolve(HERE, '../..');
const GOLDEN = process.env.GOLDEN_BINARY && resolve(process.env.GOLDEN_BINARY);
if (!GOLDEN) {
  console.error('GOLDEN_BINARY must name the golden binary to test');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'golden-browser-'));

function catalog(root, format, out) {
  const r = spawnSync(GOLDEN, ['catalog', '-q', '--format', format, '-o', out], {
    cwd: root,
    env: { PATH: '/usr/bin:/bin', SOURCE_DATE_EPOCH: '1767225600' },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `golden catalog --format ${format} failed: ${r.stderr}`);
  return out;
}

// A governance root whose every name and description tries to run script in the page.
const PAYLOAD = 'window.__pwned = (window.__pwned || 0) + 1';
function hostileRoot() {
  const root = join(work, 'hostile');
  const org = join(root, 'organizations', `<b onmouseover="${PAYLOAD}">org&co`);
  const repos = {
    [`<img src=x onerror="${PAYLOAD}">`]: `<script>${PAYLOAD}</script>`,
    [`"><svg onload="${PAYLOAD}">`]: `"'><iframe src="javascript:${PAYLOAD}"></iframe>`,
    "a&b'c\"d": '</td></tr></table><h1>broken layout</h1>',
  };
  mkdirSync(join(root, '.metaHub'), { recursive: true });
  for (const [name, description] of Object.entries(repos)) {
    mkdirSync(join(org, name, '.meta'), { recursive: true });
    writeFileSync(join(org, name, '.meta', 'repo.yaml'),
                  `type: "<i>lib</i>"\nlanguage: "py<b>thon"\ntier: 1\n` +
                  `description: ${JSON.stringify(description)}\nowner: "<u>x</u>"\n`);
  }
  return root;
}

let browser;
const example = join(SOURCE, 'examples', 'governance');
const exampleHtml = join(work, 'catalog.html');
let data;

// Opens `file` and records everything that went wrong while it loaded and ran.
async function open(file, { colorScheme = 'light', viewport = { width: 1400, height: 900 } } = {}) {
  const page = await browser.context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize(viewport);
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests, url };
}

async function shownNames(page) {
  return page.$$eval('#repos tbody tr:not([hidden])', (rows) => rows.map((r) => r.dataset.name));
}

before(async () => {
  catalog(example, 'html', exampleHtml);
  data = JSON.parse(readFileSync(catalog(example, 'json', join(work, 'catalog.json')), 'utf8'));
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the example portfolio', () => {
  test('loads with no console error and requests nothing but itself', async () => {
    const { page, problems, requests, url } = await open(exampleHtml);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => u !== url), []);
    assert.equal(await page.title(), 'Service Catalog');
    await page.close();
  });

  test('shows the counts of catalog.json', async () => {
    const { page } = await open(exampleHtml);
    const s = data.summary;
    const metric = async (name) => Number(await page.textContent(`[data-metric="${name}"]`));
    assert.equal(await metric('organizations'), s.total_organizations);
    assert.equal(await metric('repositories'), s.total_repositories);
    assert.equal(await metric('passed'), s.compliance.passed);
    assert.equal(await metric('failed'), s.compliance.failed);
    assert.equal(await metric('tier-1'), s.by_tier['1']);
    assert.equal(await metric('tier-2'), s.by_tier['2']);
    assert.equal(await metric('violations'), s.compliance.total_violations);
    assert.equal(await metric('without-metadata'), s.without_metadata);

    const bars = (chart, attr) => page.$$eval(`#${chart} g.row`, (rows, a) =>
      Object.fromEntries(rows.map((r) => [r.dataset.value || r.getAttribute('aria-label'),
                                           Number(r.getAttribute(a))])), attr);
    assert.deepEqual(await bars('chart-tier', 'data-count'), s.by_tier);
    assert.deepEqual(await bars('chart-language', 'data-count'), s.by_language);
    assert.deepEqual(await bars('chart-type', 'data-count'), s.by_type);
    assert.deepEqual(await bars('chart-status', 'data-count'), s.by_status);
    for (const [tier, c] of Object.entries(s.compliance_by_tier)) {
      const row = page.locator(`#chart-compliance-tier g.row[data-value="${tier}"]`);
      assert.equal(Number(await row.getAttribute('data-passed')), c.passed);
      assert.equal(Number(await row.getAttribute('data-failed')), c.failed);
    }
    for (const org of data.organizations) {
      const row = page.locator(`#chart-compliance-org g.row[data-value="${org.name}"]`);
      assert.equal(Number(await row.getAttribute('data-passed')), org.summary.compliance.passed);
      assert.equal(Number(await row.getAttribute('data-failed')), org.summary.compliance.failed);
    }

    const all = data.organizations.flatMap((o) => o.repos.map((r) => r.full_name));
    assert.deepEqual((await shownNames(page)).sort(), [...all].sort());
    assert.equal(await page.textContent('#shown'), String(all.length));
    // One compliance badge per repository, saying what the JSON says.
    const badges = await page.$$eval('#repos tbody tr', (rows) =>
      Object.fromEntries(rows.map((r) => [r.dataset.name, r.querySelector('.badge').textContent])));
    for (const org of data.organizations) {
      for (const r of org.repos) assert.equal(badges[r.full_name], r.compliance.passed ? 'Pass' : 'Fail');
    }
    await page.close();
  });

  test('filters by typing and by choosing', async () => {
    const { page, problems } = await open(exampleHtml);
    const repos = data.organizations.flatMap((o) => o.repos);
    await page.fill('#q', 'lib-');
    let want = repos.filter((r) => r.full_name.includes('lib-')).map((r) => r.full_name);
    assert.deepEqual((await shownNames(page)).sort(), want.sort());
    assert.equal(await page.textContent('#shown'), String(want.length));

    await page.click('#reset');
    await page.selectOption('#f-language', 'python');
    want = repos.filter((r) => r.language === 'python').map((r) => r.full_name);
    assert.equal(want.length, data.summary.by_language.python);
    assert.deepEqual((await shownNames(page)).sort(), want.sort());

    await page.selectOption('#f-compliance', 'failed');
    want = repos.filter((r) => r.language === 'python' && !r.compliance.passed).map((r) => r.full_name);
    assert.deepEqual((await shownNames(page)).sort(), want.sort());

    await page.click('#reset');
    assert.equal((await shownNames(page)).length, repos.length);
    await page.fill('#q', 'no such repository anywhere');
    assert.deepEqual(await shownNames(page), []);
    assert.equal(await page.isVisible('#no-match'), true);
    await page.fill('#q', '');
    assert.equal(await page.isVisible('#no-match'), false);

    // A chart row filters the table; a second click clears the filter.
    await page.click('#chart-tier g.row[data-value="1"]');
    assert.equal(await page.inputValue('#f-tier'), '1');
    want = repos.filter((r) => (r.tier ?? 4) === 1).map((r) => r.full_name);
    assert.deepEqual((await shownNames(page)).sort(), want.sort());
    await page.click('#chart-tier g.row[data-value="1"]');
    assert.equal(await page.inputValue('#f-tier'), '');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('sorts by clicking the headers', async () => {
    const { page } = await open(exampleHtml);
    const tiers = () => page.$$eval('#repos tbody tr', (rows) => rows.map((r) => Number(r.dataset.tier)));
    await page.click('#repos th[data-sort="tier"] button');
    assert.equal(await page.getAttribute('#repos th[data-sort="tier"]', 'aria-sort'), 'ascending');
    let got = await tiers();
    assert.deepEqual(got, [...got].sort((a, b) => a - b));
    await page.click('#repos th[data-sort="tier"] button');
    assert.equal(await page.getAttribute('#repos th[data-sort="tier"]', 'aria-sort'), 'descending');
    got = await tiers();
    assert.deepEqual(got, [...got].sort((a, b) => b - a));

    await page.click('#repos th[data-sort="compliance"] button');
    await page.click('#repos th[data-sort="compliance"] button');
    const worst = data.organizations.flatMap((o) => o.repos)
      .sort((a, b) => b.compliance.violations - a.compliance.violations)[0];
    assert.equal((await shownNames(page))[0], worst.full_name);

    await page.click('#repos th[data-sort="name"] button');
    const names = await shownNames(page);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
    await page.close();
  });

  test('follows the dark colour scheme', async () => {
    const luminance = async (page, selector) => page.$eval(selector, (el) => {
      const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    const light = await open(exampleHtml, { colorScheme: 'light' });
    const dark = await open(exampleHtml, { colorScheme: 'dark' });
    assert.ok(await luminance(light.page, 'body') > 0.8);
    assert.ok(await luminance(dark.page, 'body') < 0.2);
    assert.ok(await luminance(dark.page, '.card') < 0.25);
    const text = await dark.page.$eval('h1', (el) => getComputedStyle(el).color);
    assert.ok(Number(text.match(/\d+/)[0]) > 180, `heading colour in the dark: ${text}`);
    assert.deepEqual(dark.problems, []);
    await light.page.close();
    await dark.page.close();
  });

  test('fits a phone screen', async () => {
    const { page, problems } = await open(exampleHtml, { viewport: { width: 390, height: 844 } });
    assert.equal(await page.$eval('#repos thead', (el) => getComputedStyle(el).display), 'none');
    assert.equal(await page.$eval('#repos tbody tr', (el) => getComputedStyle(el).display), 'block');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide on a 390px screen`);
    // Sorting has its own control there.
    await page.selectOption('#sort', 'tier:asc');
    const tiers = await page.$$eval('#repos tbody tr', (rows) => rows.map((r) => Number(r.dataset.tier)));
    assert.deepEqual(tiers, [...tiers].sort((a, b) => a - b));
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a large portfolio', () => {
  test('lists the first hundred matches and more on demand', async () => {
    const root = join(work, 'large');
    mkdirSync(join(root, '.metaHub'), { recursive: true });
    for (let i = 0; i < 250; i++) {
      const repo = join(root, 'organizations', `org-${i % 3}`, `repo-${String(i).padStart(3, '0')}`);
      mkdirSync(join(repo, '.meta'), { recursive: true });
      writeFileSync(join(repo, '.meta', 'repo.yaml'),
                    `type: library\nlanguage: go\ntier: ${1 + (i * 7) % 4}\n`);
    }
    const html = catalog(root, 'html', join(work, 'large.html'));
    const { page, problems } = await open(html);
    const listed = async () => (await shownNames(page)).length;
    assert.equal(await page.textContent('#shown'), '250');
    assert.equal(await listed(), 100);
    assert.equal(await page.textContent('#listed'), '100');
    assert.equal(await page.isVisible('#listed-note'), true);
    await page.click('#more');
    assert.equal(await listed(), 250);
    assert.equal(await page.isVisible('#more'), false);
    assert.equal(await page.isVisible('#listed-note'), false);

    // Sorting orders every match, not only the rows listed.
    await page.click('#reset');
    await page.click('#repos th[data-sort="tier"] button');
    await page.click('#repos th[data-sort="tier"] button');
    const tiers = await page.$$eval('#repos tbody tr:not([hidden])', (rows) => rows.map((r) => Number(r.dataset.tier)));
    assert.equal(tiers.length, 100);
    // 63 repositories have tier 4 (i % 4 == 1), 62 tier 3: all of those come first.
    assert.deepEqual(tiers, Array(63).fill(4).concat(Array(37).fill(3)));

    // A filter starts again from the first hundred of its matches.
    await page.fill('#q', 'repo-2');
    assert.equal(await page.textContent('#shown'), '50');
    assert.equal(await listed(), 50);
    assert.equal(await page.isVisible('#more'), false);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a hostile portfolio', () => {
  test('cannot inject markup or script', async () => {
    const root = hostileRoot();
    const html = catalog(root, 'html', join(work, 'hostile.html'));
    const { page, problems, requests, url } = await open(html);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => u !== url), []);
    await page.hover('#repos tbody tr');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval('img, iframe, h1', (els) => els.length), 1);  // our own h1
    assert.equal(await page.$$eval('script', (els) => els.length), 1);
    const names = await page.$$eval('.repo-name', (els) => els.map((e) => e.textContent).sort());
    assert.deepEqual(names, ['"><svg onload="' + PAYLOAD + '">', "a&b'c\"d",
                             '<img src=x onerror="' + PAYLOAD + '">'].sort());
    const desc = await page.$$eval('.desc', (els) => els.map((e) => e.textContent));
    assert.ok(desc.includes(`<script>${PAYLOAD}</script>`));
    assert.equal(await page.$$eval('#repos tbody tr', (rows) => rows.length), 3);
    // Filtering still works on such names.
    await page.fill('#q', 'a&b');
    assert.equal((await shownNames(page)).length, 1);
    await page.close();
  });
});
