/**
 * `npm run authgear`: runs the local Authgear until Ctrl-C.
 *
 *   --port <n>             (env AUTHGEAR_PORT, default 4000)
 *   --host <addr>          (default 127.0.0.1)
 *   --data-dir <dir>       (default .authgear-local in the repo root)
 *   --allowed-origin <o>   CORS origin for the image endpoints; repeatable
 *   --app-id <id>          (default dev-app)
 *   --quiet                no request log
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_DATA_DIR, startAuthgearLocal } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'allowed-origin': { type: 'string', multiple: true },
    'app-id': { type: 'string' },
    quiet: { type: 'boolean' },
  },
})

const port = Number(values.port ?? process.env.AUTHGEAR_PORT ?? 4000)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env.AUTHGEAR_PORT}`)
  process.exit(2)
}
const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR)

const local = await startAuthgearLocal({
  port,
  host: values.host,
  dataDir,
  appId: values['app-id'],
  allowedOrigins: values['allowed-origin'],
  log: values.quiet ? undefined : (line) => console.log(`[authgear-local] ${line}`),
})

console.log(`Local Authgear listening on ${local.url}`)
console.log(`  app id:        ${local.appId}`)
console.log(`  admin key id:  ${local.keyId}`)
console.log(`  admin key:     ${path.join(dataDir, 'admin-key.json')} (privateKeyPem: PKCS#8, as the portal gives it)`)
console.log(`  data dir:      ${dataDir}`)
console.log(`  users:         ${local.url}/__local/users`)
for (const user of local.users) console.log(`    ${user.label.padEnd(22)} ${user.nodeId}`)
console.log('Press Ctrl-C to stop.')

let closing = false
const shutdown = (signal: string) => {
  if (closing) return
  closing = true
  console.log(`\n${signal}: closing local Authgear...`)
  local.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
