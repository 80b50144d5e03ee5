import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './test/chromium.ts'

// Ports of their own, so e2e runs beside a developer's `npm start`.
const demoPort = Number(process.env.E2E_DEMO_PORT ?? 5179)
const authgearPort = Number(process.env.E2E_AUTHGEAR_PORT ?? 4179)
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  updateSnapshots: process.env.CI ? 'none' : 'missing',
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.02 } },
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: `npx tsx dev/start.ts --ephemeral`,
    url: `http://127.0.0.1:${demoPort}/`,
    env: { PORT: String(demoPort), AUTHGEAR_PORT: String(authgearPort), E2E: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
})
