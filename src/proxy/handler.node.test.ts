import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { UpdateUserStandardAttributesDocument, UserStandardAttributesDocument } from '../core/operations.ts'
import { createAdminApiProxy, MAX_UPLOAD_BODY_BYTES, type AdminApiProxyOptions } from './handler.ts'

/** What the upstream saw: it echoes nothing back but a fixed answer, and records every request. */
interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  bytes: number
  body: string
}

const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
const pem = await exportPKCS8(privateKey)
const seen: Seen[] = []
let upstream: Server
let upstreamOrigin: string

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, bytes: body.length, body: body.length < 10_000 ? body.toString() : '' })
      response.setHeader('content-type', 'application/json')
      response.setHeader('set-cookie', 'upstream=1')
      response.setHeader('x-upstream-secret', 'internal')
      response.end(JSON.stringify({ result: { ok: true } }))
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

beforeEach(() => {
  seen.length = 0
})

function proxy(overrides: Partial<AdminApiProxyOptions> = {}) {
  return createAdminApiProxy({
    authgearOrigin: upstreamOrigin,
    appId: 'my-app',
    keyId: 'key-1',
    privateKey: pem,
    authorize: (request) => request.headers.get('cookie') === 'session=admin',
    ...overrides,
  })
}

const dashboard = 'https://admin.example.com'
const admin = { cookie: 'session=admin' }
const graphqlRequest = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${dashboard}/_api/admin/graphql`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const signedQuery = '?x-authgear-algorithm=HMAC-SHA256&x-authgear-date=2026-01-02T03:04:05Z&x-authgear-expires=900&x-authgear-signature=ab&x-authgear-signedheaders=host'

async function errorReason(response: Response) {
  return ((await response.json()) as { error: { reason: string } }).error.reason
}

describe('createAdminApiProxy', () => {
  it('refuses with 401 JSON when authorize refuses or throws, before reaching Authgear', async () => {
    const refusing = await proxy()(new Request(`${dashboard}/_api/admin/images/upload`))
    expect(refusing.status).toBe(401)
    expect(await refusing.json()).toMatchObject({ error: { name: 'Unauthorized', reason: 'ProxyUnauthorized' } })
    const throwing = await proxy({
      authorize: () => {
        throw new Error('session store down')
      },
    })(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin }))
    expect(throwing.status).toBe(401)
    expect(seen).toHaveLength(0)
  })

  it('forwards the upload URL request with a fresh admin JWT and none of the browser headers', async () => {
    const response = await proxy()(
      new Request(`${dashboard}/_api/admin/images/upload?ignored=1`, {
        headers: { ...admin, authorization: 'Bearer browser-token', 'x-csrf-token': 'c', connection: 'keep-alive' },
      }),
    )
    expect(response.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/_api/admin/images/upload' })
    const { headers } = seen[0]!
    expect(headers.cookie).toBeUndefined()
    expect(headers['x-csrf-token']).toBeUndefined()
    const token = headers.authorization!.replace(/^Bearer /, '')
    await expect(jwtVerify(token, publicKey, { audience: 'my-app' })).resolves.toBeTruthy()
  })

  it("passes Authgear's answer back with only safe headers", async () => {
    const response = await proxy()(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin }))
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-upstream-secret')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it("reads the user, with the admin JWT, before the library's picture write, and stops there when there is no user; not with checkPictureWrites: false", async () => {
    const write = { query: UpdateUserStandardAttributesDocument, variables: { userID: 'VXNlcjox', standardAttributes: { name: 'A' } } }
    const response = await proxy()(graphqlRequest(write))
    // The fake Authgear answers no user: fail closed, the write is never forwarded unchecked.
    expect(response.status).toBe(404)
    expect(await errorReason(response)).toBe('ProxyUserNotFound')
    expect(seen.map((request) => JSON.parse(request.body) as { query: string; variables: unknown })).toEqual([
      { query: UserStandardAttributesDocument, variables: { id: 'VXNlcjox' } },
    ])
    await expect(jwtVerify(seen[0]!.headers.authorization!.replace(/^Bearer /, ''), publicKey, { audience: 'my-app' })).resolves.toBeTruthy()
    seen.length = 0
    const unchecked = await proxy({ checkPictureWrites: false })(graphqlRequest(write))
    expect(unchecked.status).toBe(200)
    expect(seen.map((request) => JSON.parse(request.body) as unknown)).toEqual([write])
  })

  it('refuses a picture write without a userID or a standardAttributes object, before reaching Authgear', async () => {
    for (const variables of [{}, { userID: 'VXNlcjox', standardAttributes: [] }, { userID: 1, standardAttributes: {} }]) {
      const response = await proxy()(graphqlRequest({ query: UpdateUserStandardAttributesDocument, variables }))
      expect(response.status).toBe(400)
      expect(await errorReason(response)).toBe('ProxyBadRequest')
    }
    expect(seen).toHaveLength(0)
  })

  it('forwards an allowlisted GraphQL operation as JSON, and only its known fields', async () => {
    const body = { query: UserStandardAttributesDocument, variables: { id: 'x' }, extensions: { persistedQuery: 1 } }
    const response = await proxy()(graphqlRequest(body))
    expect(response.status).toBe(200)
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/_api/admin/graphql' })
    expect(seen[0]!.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen[0]!.body)).toEqual({ query: UserStandardAttributesDocument, variables: { id: 'x' } })
  })

  it.each([
    ['deleteUser', { query: 'mutation($id: ID!) { deleteUser(input: { userID: $id }) { deletedUserID } }', variables: { id: 'x' } }],
    ['our operation with an extra field', { query: UpdateUserStandardAttributesDocument.replace('updatedAt', 'updatedAt customAttributes'), variables: {} }],
  ])('refuses a forged GraphQL operation (%s) with 403', async (_, body) => {
    const response = await proxy()(graphqlRequest(body))
    expect(response.status).toBe(403)
    expect(await errorReason(response)).toBe('ProxyOperationNotAllowed')
    expect(seen).toHaveLength(0)
  })

  it('allows a document the consumer added', async () => {
    const response = await proxy({ operations: ['query Mine { __typename }'] })(graphqlRequest({ query: 'query Mine { __typename }' }))
    expect(response.status).toBe(200)
  })

  it.each([
    ['text/plain', 'text/plain'],
    ['a form encoding', 'application/x-www-form-urlencoded'],
    ['no content type', ''],
  ])('refuses GraphQL sent as %s with 415 (a cross-site form cannot send JSON)', async (_, contentType) => {
    const response = await proxy()(graphqlRequest({ query: UserStandardAttributesDocument, variables: { id: 'x' } }, { 'content-type': contentType }))
    expect(response.status).toBe(415)
    expect(seen).toHaveLength(0)
  })

  it('refuses a GraphQL body above 1 MiB with 413 and bodies that are not GraphQL requests with 400', async () => {
    const big = await proxy()(graphqlRequest({ query: UserStandardAttributesDocument, variables: { id: 'x'.repeat(1024 * 1024) } }))
    expect(big.status).toBe(413)
    const garbage = await proxy()(graphqlRequest('{"query":'))
    expect(garbage.status).toBe(400)
    const noQuery = await proxy()(graphqlRequest({ variables: {} }))
    expect(noQuery.status).toBe(400)
    expect(seen).toHaveLength(0)
  })

  it('refuses a foreign Origin with 403 but accepts a listed one or none', async () => {
    const guarded = proxy({ allowedOrigins: [dashboard] })
    const foreign = await guarded(new Request(`${dashboard}/_api/admin/images/upload`, { headers: { ...admin, origin: 'https://evil.example' } }))
    expect(foreign.status).toBe(403)
    expect(await errorReason(foreign)).toBe('ProxyOriginNotAllowed')
    expect((await guarded(new Request(`${dashboard}/_api/admin/images/upload`, { headers: { ...admin, origin: dashboard } }))).status).toBe(200)
    expect((await guarded(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin }))).status).toBe(200)
  })

  it.each([
    ['GET', '/_api/admin/graphql'],
    ['POST', '/_api/admin/images/upload'],
    ['DELETE', '/_api/admin/graphql'],
    ['OPTIONS', '/_api/admin/graphql'],
    ['GET', '/_api/admin/users'],
    ['GET', '/_images/my-app/obj/profile'],
    ['POST', `/_images/other-app/obj${signedQuery}`],
    ['POST', `/_images/my-app/obj/extra${signedQuery}`],
    ['POST', '/_images/my-app/obj'],
    ['POST', `/_images/my-app/..%2Fx${signedQuery}`],
    ['GET', '/'],
  ])('answers %s %s with 404', async (method, path) => {
    const response = await proxy()(new Request(`${dashboard}${path}`, { method, headers: admin }))
    expect(response.status).toBe(404)
    expect(seen).toHaveLength(0)
  })

  it('streams an upload to Authgear with its signed query and the Host of authgearOrigin, dropping the cookie', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(300_000)], { type: 'image/jpeg' }), 'a.jpg')
    const request = new Request(`${dashboard}/_images/my-app/3f0a1c2e${signedQuery}`, { method: 'POST', headers: admin, body: form })
    const response = await proxy()(request)
    expect(response.status).toBe(200)
    expect(seen[0]).toMatchObject({ method: 'POST', url: `/_images/my-app/3f0a1c2e${signedQuery}` })
    const { headers, bytes } = seen[0]!
    expect(headers.host).toBe(new URL(upstreamOrigin).host)
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(headers.cookie).toBeUndefined()
    expect(headers.authorization).toBeUndefined()
    expect(bytes).toBeGreaterThan(300_000)
  })

  it('refuses an upload past the cap: at once when declared, while streaming when not', async () => {
    const declared = new Request(`${dashboard}/_images/my-app/obj${signedQuery}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_UPLOAD_BODY_BYTES + 1) },
      body: 'x',
    })
    const declaredResponse = await proxy()(declared)
    expect(declaredResponse.status).toBe(413)
    expect(seen).toHaveLength(0)

    let sent = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024))
      },
    })
    const streamed = new Request(`${dashboard}/_images/my-app/obj${signedQuery}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'multipart/form-data; boundary=x' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    const streamedResponse = await proxy()(streamed)
    expect(streamedResponse.status).toBe(413)
    expect(await errorReason(streamedResponse)).toBe('ProxyBodyTooLarge')
    expect(sent).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 1024 * 1024)
  })

  it('answers 502 when Authgear cannot be reached', async () => {
    const response = await proxy({ authgearOrigin: 'http://127.0.0.1:1' })(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin }))
    expect(response.status).toBe(502)
    expect(await errorReason(response)).toBe('ProxyUpstreamUnavailable')
  })

  it('serves under a basePath and nothing outside it', async () => {
    const mounted = proxy({ basePath: '/api/avatar/' })
    expect((await mounted(new Request(`${dashboard}/api/avatar/_api/admin/images/upload`, { headers: admin }))).status).toBe(200)
    expect((await mounted(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin }))).status).toBe(404)
    expect((await mounted(new Request(`${dashboard}/api/avatarx/_api/admin/images/upload`, { headers: admin }))).status).toBe(404)
  })

  it('never puts the key or the token into an answer or a log', async () => {
    const logged: unknown[] = []
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
    const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args)))
    const answers: Response[] = [
      await proxy()(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin })),
      await proxy()(new Request(`${dashboard}/_api/admin/images/upload`)),
      await proxy()(graphqlRequest({ query: 'mutation { deleteUser }' })),
      await proxy({ authgearOrigin: 'http://127.0.0.1:1' })(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin })),
      await proxy({ privateKey: 'not a key' })(new Request(`${dashboard}/_api/admin/images/upload`, { headers: admin })),
    ]
    const tokens = seen.map((request) => request.headers.authorization!.replace(/^Bearer /, ''))
    expect(tokens.length).toBeGreaterThan(0)
    const keyBody = pem.split('\n').slice(1, 3).join('')
    for (const answer of answers) {
      const text = JSON.stringify([...answer.headers]) + (await answer.text())
      expect(text).not.toContain(keyBody)
      for (const token of tokens) expect(text).not.toContain(token)
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
    }
    expect(answers[4]!.status).toBe(500)
    for (const spy of spies) spy.mockRestore()
    expect(logged).toEqual([])
  })
})
