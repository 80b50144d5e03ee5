/**
 * A Vite plugin for the browser test project: the real stack behind the
 * test page's own origin, as a dashboard has it. `/api/avatar/*` is the
 * reference proxy in front of a local Authgear (so XMLHttpRequest uploads,
 * progress and aborts are real), and `/__authgear-local/*` reaches that
 * Authgear's loopback control API (faults, stats, reset).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { startAuthgearLocal, type AuthgearLocal } from '../dev/authgear-local/index.ts'
import { createAdminApiProxy, toNodeHandler } from '../src/proxy/index.ts'

export const BROWSER_PROXY_PATH = '/api/avatar'
export const BROWSER_CONTROL_PATH = '/__authgear-local'

async function forwardControl(local: AuthgearLocal, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const path = (req.url ?? '').slice(BROWSER_CONTROL_PATH.length)
  const response = await fetch(`${local.url}/__local${path}`, {
    method: req.method,
    headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  })
  res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' })
  res.end(Buffer.from(await response.arrayBuffer()))
}

export function browserBackend(): Plugin {
  // Vitest may configure more than one server with this plugin; each gets its own Authgear.
  const running = new Set<AuthgearLocal>()
  return {
    name: 'test:browser-backend',
    configureServer(server) {
      // Started on first use: Vitest configures several servers, one serves the page.
      let backend: Promise<{ local: AuthgearLocal; proxy: ReturnType<typeof toNodeHandler> }> | undefined
      const start = () =>
        (backend ??= startAuthgearLocal().then((local) => {
          running.add(local)
          const proxy = toNodeHandler(
            createAdminApiProxy({
              authgearOrigin: local.url,
              appId: local.appId,
              keyId: local.keyId,
              privateKey: local.privateKeyPem,
              basePath: BROWSER_PROXY_PATH,
              authorize: (request) => request.headers.get('x-test-session') !== 'expired',
            }),
          )
          return { local, proxy }
        }))
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? ''
        if (url.startsWith(`${BROWSER_PROXY_PATH}/`)) return void start().then(({ proxy }) => proxy(req, res, next), next)
        if (url.startsWith(`${BROWSER_CONTROL_PATH}/`)) return void start().then(({ local }) => forwardControl(local, req, res)).catch(next)
        next()
      })
    },
    // Vite calls this when the test server closes; the local Authgear must not keep Node alive.
    async closeBundle() {
      const closing = [...running]
      running.clear()
      await Promise.all(closing.map((local) => local.close()))
    },
  }
}
