// Prove the package, not only the source: pack it, lint the tarball (publint,
// attw), check the 'use client' directive survived, compile a consumer fixture
// against the packed types, and hold each entry to its size budget.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...options })
const fail = (message) => {
  console.error(`check-package: ${message}`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'avatar-editor-pack-'))
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { encoding: 'utf8' }))
  const tarball = join(work, packed[0].filename)
  const files = packed[0].files.map((file) => file.path)
  for (const forbidden of ['mockServiceWorker.js', '.test.', 'admin-key', 'dev/']) {
    const leaked = files.find((file) => file.includes(forbidden))
    if (leaked) fail(`the tarball must not contain ${leaked}`)
  }

  run('npx', ['publint', '--strict', tarball])
  run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--exclude-entrypoints', './styles.css'])

  const entry = readFileSync('dist/index.js', 'utf8')
  if (!/^['"]use client['"];?/.test(entry)) fail("dist/index.js must start with 'use client'")
  for (const server of ['dist/core.js', 'dist/image.js', 'dist/proxy.js']) {
    const code = readFileSync(server, 'utf8')
    if (/from ['"]react/.test(code)) fail(`${server} must not import React`)
  }

  // The consumer fixture sees the package as a user does: the tarball unpacked
  // into its node_modules, and the repo's node_modules above it for the peers.
  const consumer = resolve('test/consumer')
  const installed = join(consumer, 'node_modules', 'authgear-avatar-editor')
  rmSync(installed, { recursive: true, force: true })
  mkdirSync(installed, { recursive: true })
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
  for (const config of ['tsconfig.bundler.json', 'tsconfig.nodenext.json']) {
    run(resolve('node_modules/.bin/tsc'), ['-p', config], { cwd: consumer })
  }
  rmSync(join(consumer, 'node_modules'), { recursive: true, force: true })

  run('npx', ['size-limit'])
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log('check-package: ok')
