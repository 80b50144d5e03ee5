import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportPKCS8, generateKeyPair } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserStandardAttributesDocument } from '../core/operations.ts'
import { createAdminApiProxy } from './handler.ts'
import { toNodeHandler, type NodeHandler } from './node.ts'

type ExpressLikeRequest = IncomingMessage & { originalUrl?: string; body?: unknown }

const { privateKey } = await generateKeyPair('RS256', { extractable: true })
const pem = await exportPKCS8(privateKey)
const seen: { url: string; headers: IncomingHttpHeaders; body: Buffer }[] = []
const started: string[] = []
const cutShort: string[] = []
let upstream: Server
let upstreamOrigin: string

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    started.push(request.url!)
    request.on('close', () => {
      if (!request.complete) cutShort.push(request.url!)
    })
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      seen.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks) })
      if (request.url === '/_api/admin/images/upload') {
        // A large answer, streamed in pieces, to prove the way back streams too.
        response.setHeader('content-type', 'application/octet-stream')
        for (let i = 0; i < 64; i++) response.write(Buffer.alloc(16 * 1024, i))
        response.end()
        return
      }
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ received: Buffer.concat(chunks).length }))
    })
  })
  upstreamOrigin = await listen(upstream)
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

beforeEach(() => {
  seen.length = 0
})

const proxyOptions = (basePath = '') =>
  createAdminApiProxy({ authgearOrigin: upstreamOrigin, appId: 'my-app', keyId: 'k', privateKey: pem, authorize: () => true, basePath })

/** A tiny Connect-style app: mounts `middleware` at `mount` (setting originalUrl like Express), then answers 418. */
function connectLike(mount: string, middleware: NodeHandler, before?: (request: ExpressLikeRequest, response: ServerResponse, next: () => void) => void) {
  return createServer((request: ExpressLikeRequest, response) => {
    const fallthrough = (error?: unknown) => {
      response.statusCode = error ? 500 : 418
      response.end('fallthrough')
    }
    const run = () => {
      if (!request.url!.startsWith(mount)) return fallthrough()
      request.originalUrl = request.url
      request.url = request.url!.slice(mount.length) || '/'
      middleware(request, response, fallthrough)
    }
    if (before) before(request, response, run)
    else run()
  })
}

describe('toNodeHandler', () => {
  let server: Server | undefined
  afterAll(async () => {
    if (server) {
      server.closeAllConnections()
      await new Promise((resolve) => server!.close(resolve))
    }
  })
  async function start(app: Server): Promise<string> {
    if (server) {
      server.closeAllConnections()
      await new Promise((resolve) => server!.close(resolve))
    }
    server = app
    return listen(app)
  }

  it('serves Node http directly, streaming the answer back', async () => {
    const origin = await start(createServer(toNodeHandler(proxyOptions())))
    const response = await fetch(`${origin}/_api/admin/images/upload`)
    expect(response.status).toBe(200)
    expect((await response.arrayBuffer()).byteLength).toBe(64 * 16 * 1024)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('streams an upload body through with its signed query, under an Express-style mount', async () => {
    const origin = await start(connectLike('/api/avatar', toNodeHandler(proxyOptions('/api/avatar'))))
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(2 * 1024 * 1024).fill(7)], { type: 'image/png' }), 'a.png')
    const query = '?x-authgear-signature=ab&x-authgear-date=2026-01-02T03:04:05Z'
    const response = await fetch(`${origin}/api/avatar/_images/my-app/obj-1${query}`, { method: 'POST', body: form, headers: { cookie: 'session=1' } })
    expect(response.status).toBe(200)
    expect(seen[0]?.url).toBe(`/_images/my-app/obj-1${query}`)
    expect(seen[0]?.headers.cookie).toBeUndefined()
    expect(seen[0]?.body.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(seen[0]?.body.includes(Buffer.from('name="file"; filename="a.png"'))).toBe(true)
  })

  it('hands paths it does not serve to next, body intact', async () => {
    const origin = await start(connectLike('/api/avatar', toNodeHandler(proxyOptions('/api/avatar'))))
    const response = await fetch(`${origin}/api/avatar/something-else`, { method: 'POST', body: 'keep me' })
    expect(response.status).toBe(418)
    expect(seen).toHaveLength(0)
  })

  it('forwards a body a JSON body parser already consumed', async () => {
    const parseJsonFirst = (request: ExpressLikeRequest, _response: ServerResponse, next: () => void) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        request.body = JSON.parse(Buffer.concat(chunks).toString())
        next()
      })
    }
    const origin = await start(connectLike('/api', toNodeHandler(proxyOptions('/api')), parseJsonFirst))
    const response = await fetch(`${origin}/api/_api/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: UserStandardAttributesDocument, variables: { id: 'x' } }),
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(seen[0]!.body.toString())).toEqual({ query: UserStandardAttributesDocument, variables: { id: 'x' } })
  })

  it('answers 404 itself when there is no next', async () => {
    const origin = await start(createServer(toNodeHandler(proxyOptions())))
    const response = await fetch(`${origin}/nope`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { reason: 'ProxyNotFound' } })
  })

  it('stops the upstream request when the browser goes away mid-upload', async () => {
    const origin = await start(createServer(toNodeHandler(proxyOptions())))
    const url = new URL(`${origin}/_images/my-app/obj-2?x-authgear-signature=ab`)
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '1000000' } })
    request.on('error', () => undefined)
    request.write(Buffer.alloc(64 * 1024))
    await vi.waitFor(() => expect(started).toContain(url.pathname + url.search))
    request.destroy()
    await vi.waitFor(() => expect(cutShort).toContain(url.pathname + url.search))
    expect(seen.filter((entry) => entry.url.startsWith('/_images/my-app/obj-2'))).toHaveLength(0)
  })
})
