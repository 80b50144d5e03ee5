import { existsSync } from 'node:fs'
import type { LaunchOptions } from 'playwright'

/**
 * Where the Chromium for every browser test lives: `CHROMIUM_PATH`, else
 * Debian's `/usr/bin/chromium`, else `undefined` so Playwright uses its own
 * download (`npx playwright install chromium`, done by `npm test`'s pretest on
 * machines that have neither).
 */
export function chromiumExecutablePath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string))
}

/**
 * A fresh launch-options object per caller: Vitest browser mode, the Storybook
 * Vitest project and Playwright each mutate what they are given.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumExecutablePath(),
    // The closed network of CI machines refuses Chromium's background traffic;
    // these flags keep it from trying.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  }
}
