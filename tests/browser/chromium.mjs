// Debian's Chromium, driven by playwright-core (no browser is downloaded). The machine may
// have no network, so every feature that would reach out is switched off.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.GOLDEN_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Exits with CTest's skip status (77) and a reason when Chromium is not installed. */
export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    console.log(`SKIP: ${CHROMIUM} is not installed (tools/install-deps.sh --test installs it)`);
    process.exit(77);
  }
}

/** playwright-core, or a clear failure when `npm ci` has not been run. */
export async function loadPlaywright() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    console.error(`playwright-core 1.65 needs node 20 or later; this is node ${process.version}`);
    process.exit(1);
  }
  try {
    return await import('playwright-core');
  } catch (e) {
    console.error('playwright-core is not installed: run `make browser-deps` ' +
                  '(npm ci in tests/browser)\n' + e.message);
    process.exit(1);
  }
}

/** A fresh Chromium with its own profile; close() removes the profile. */
export async function launch() {
  const { chromium } = await loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'golden-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
