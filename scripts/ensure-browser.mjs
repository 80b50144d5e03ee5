// `npm test` needs a Chromium. Use the one this machine has (CHROMIUM_PATH or
// Debian's /usr/bin/chromium); only where there is none, fetch Playwright's own.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
const found = candidates.find((path) => existsSync(path))

if (found) {
  console.log(`ensure-browser: using ${found}`)
} else if (existsSync(chromium.executablePath())) {
  console.log(`ensure-browser: using Playwright's Chromium at ${chromium.executablePath()}`)
} else {
  console.log('ensure-browser: no Chromium found; installing Playwright\'s (npx playwright install chromium)')
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
