import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { browserBackend } from './test/browser-backend.ts'
import { chromiumLaunchOptions } from './test/chromium.ts'

const reportFile = process.env.VITEST_JSON_REPORT

/** Browser mode in Debian's (or Playwright's) headless Chromium; a fresh launch-options object per project. */
function headlessChromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
  }
}

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  test: {
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.*', '**/*.node.test.*', '**/node_modules/**'],
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      {
        // Servers, HTTP contract tests and anything using sharp run in Node.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['{src,dev,examples,test,scripts}/**/*.node.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        // The proxy and a local Authgear on the test page's own origin.
        plugins: [browserBackend()],
        // Pre-bundled up front: on a cold cache (every CI run) Vite would otherwise
        // discover these mid-run and reload the page under a running test.
        optimizeDeps: {
          include: [
            'react',
            'react-dom',
            'react-dom/client',
            'react-dom/server',
            'react-easy-crop',
            'vitest-browser-react',
            'axe-core',
            'urql',
            '@tanstack/react-query',
            'graphql',
            'msw',
            'jose',
          ],
        },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['test/corpus/setup.ts'],
          testTimeout: 30_000,
          browser: headlessChromium(),
        },
      },
      {
        // Every story renders, its play function runs, and an axe violation fails it.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: {
          include: ['react', 'react-dom', 'react-dom/client', 'react-easy-crop', 'urql', '@tanstack/react-query', 'graphql', 'jose', 'storybook/test'],
        },
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: headlessChromium(),
        },
      },
    ],
  },
})
