// Everything `npm test` runs, in order, with one closing line summed from the
// runners' JSON reports: "N passed, M failed". Every step runs even after a
// failure so one run shows all that is broken; the exit code is non-zero on any.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const reports = 'reports'
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const steps = [
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'build', command: ['npx', 'vite', 'build', '--logLevel', 'warn'] },
  { name: 'package checks', command: ['node', 'scripts/check-package.mjs'] },
  {
    name: 'vitest (unit, node, browser, storybook)',
    command: ['npx', 'vitest', 'run'],
    env: { VITEST_JSON_REPORT: `${reports}/vitest.json` },
    report: `${reports}/vitest.json`,
    count: (json) => ({ passed: json.numPassedTests, failed: json.numFailedTests }),
  },
  { name: 'storybook build', command: ['npx', 'storybook', 'build', '--quiet', '-o', 'storybook-static'], optional: !existsSync('.storybook') },
  {
    name: 'playwright e2e',
    command: ['npx', 'playwright', 'test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
    report: `${reports}/playwright.json`,
    count: (json) => ({ passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected }),
    optional: !existsSync('playwright.config.ts'),
  },
]

let passed = 0
let failed = 0
const failedSteps = []
for (const step of steps) {
  if (step.optional) continue
  console.log(`\n=== ${step.name} ===`)
  const started = Date.now()
  const result = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  if (step.report) {
    if (existsSync(step.report)) {
      const counts = step.count(JSON.parse(readFileSync(step.report, 'utf8')))
      passed += counts.passed
      // A suite that failed to load fails the step without failing a test.
      failed += counts.failed > 0 || ok ? counts.failed : 1
    } else {
      // A runner that crashed before writing its report still counts as a failure.
      failed += 1
    }
  } else if (!ok) {
    // Steps without a test report (lint, types, build, package checks) count only when they fail.
    failed += 1
  }
  if (!ok) failedSteps.push(step.name)
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s ===`)
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failedSteps.length > 0 ? 1 : 0)
