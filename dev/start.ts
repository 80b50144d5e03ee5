/**
 * `npm start`: the demo admin dashboard on the embedded local Authgear.
 *
 * Starts the local Authgear (unless `--authgear <origin>` names a real one),
 * the reference proxy with a dev admin session standing in for the
 * dashboard's own login, and the Vite demo app, then prints the URL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import react from '@vitejs/plugin-react'
import { createServer, type Plugin } from 'vite'
import { createAdminApiProxy, toNodeHandler } from '../src/proxy/index.ts'
import { startAuthgearLocal, type AuthgearLocal } from './authgear-local/index.ts'
import { demoOperations } from './demo/operations.ts'

import { PROXY_PATH } from './demo/config.ts'
const SESSION_COOKIE = 'demo_admin_session'

const { values: args } = parseArgs({
  options: {
    authgear: { type: 'string' },
    ephemeral: { type: 'boolean', default: false },
  },
})

interface Backend {
  origin: string
  appId: string
  keyId: string
  privateKey: string
  local?: AuthgearLocal
}

async function startBackend(): Promise<Backend> {
  if (args.authgear) {
    const appId = process.env.AUTHGEAR_APP_ID
    const keyId = process.env.AUTHGEAR_ADMIN_KEY_ID
    const keyFile = process.env.AUTHGEAR_ADMIN_KEY_FILE
    if (!appId || !keyId || !keyFile) {
      throw new Error('--authgear needs AUTHGEAR_APP_ID, AUTHGEAR_ADMIN_KEY_ID and AUTHGEAR_ADMIN_KEY_FILE (the PEM the portal gives)')
    }
    return { origin: new URL(args.authgear).origin, appId, keyId, privateKey: await readFile(keyFile, 'utf8') }
  }
  const local = await startAuthgearLocal({
    port: Number(process.env.AUTHGEAR_PORT ?? 4000),
    dataDir: args.ephemeral ? undefined : resolve('.authgear-local'),
  })
  return { origin: local.url, appId: local.appId, keyId: local.keyId, privateKey: local.privateKeyPem, local }
}

function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/** The dev stand-in for a dashboard login: one random session per run, in an HttpOnly cookie. */
function createDevSession() {
  const token = randomBytes(24).toString('base64url')
  const expected = Buffer.from(token)
  return {
    cookie: `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`,
    signedOut: `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
    isValid(cookieHeader: string | null | undefined): boolean {
      const given = Buffer.from(cookieValue(cookieHeader, SESSION_COOKIE) ?? '')
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}

function demoBackendPlugin(backend: Backend, publicOrigins: string[]): Plugin {
  const session = createDevSession()
  const proxy = toNodeHandler(
    createAdminApiProxy({
      authgearOrigin: backend.origin,
      appId: backend.appId,
      keyId: backend.keyId,
      privateKey: backend.privateKey,
      basePath: PROXY_PATH,
      allowedOrigins: publicOrigins,
      operations: demoOperations,
      authorize: (request) => session.isValid(request.headers.get('cookie')),
    }),
  )
  return {
    name: 'demo:backend',
    configureServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const url = req.url ?? '/'
        if (url.startsWith(`${PROXY_PATH}/`)) return proxy(req, res, next)
        if (url === '/demo/sign-out' && req.method === 'POST') {
          res.writeHead(204, { 'set-cookie': session.signedOut }).end()
          return
        }
        if (url === '/demo/sign-in' && req.method === 'POST') {
          res.writeHead(204, { 'set-cookie': session.cookie }).end()
          return
        }
        // Opening the dashboard signs the admin in, as a real dashboard's login would have.
        if (req.method === 'GET' && (url === '/' || url.startsWith('/?') || url === '/index.html')) {
          res.setHeader('set-cookie', session.cookie)
        }
        next()
      })
    },
  }
}

async function main() {
  const port = Number(process.env.PORT ?? 5173)
  const backend = await startBackend()
  const publicOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  const server = await createServer({
    configFile: false,
    root: resolve('dev/demo'),
    publicDir: false,
    logLevel: process.env.E2E ? 'warn' : 'info',
    plugins: [react(), demoBackendPlugin(backend, publicOrigins)],
    server: { port, strictPort: true, host: '127.0.0.1' },
  })
  await server.listen()

  console.log('')
  console.log(`  Demo admin dashboard: http://localhost:${port}/`)
  console.log(`  Authgear Admin API:   ${backend.origin}${backend.local ? ` (local, app id "${backend.appId}")` : ''}`)
  console.log('  Ctrl-C stops everything.')
  console.log('')

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await backend.local?.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
