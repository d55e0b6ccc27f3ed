// Launches Debian's Chromium through playwright-core for end-to-end tests and benchmarks (never a downloaded browser).
// Playwright gives every launch a fresh temporary profile. `chromiumPath()` is null when no browser is installed, so e2e can skip with a hint (or fail with E2E_REQUIRED=1).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string | null {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return fs.existsSync(p) ? p : null;
}

export const E2E_HINT = 'Chromium not found: install it with `apt-get install chromium` (or set CHROMIUM_PATH) to run the browser tests.';

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(E2E_HINT);
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}
