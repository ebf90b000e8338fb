import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

/** The flags every end-to-end spec starts Chromium with (the same as tools/chromium.mjs's, for the bench). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Headless Chromium (CHROME_PATH, found by global-setup) with a fresh profile, a 1280 × 900
 * window and the Japanese locale; `options` adds to or overrides those settings.
 */
export function launchChromium(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'ikuboard-chromium-')),
    {
      executablePath: process.env['CHROME_PATH'],
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'ja-JP',
      ...options,
    },
  );
}
