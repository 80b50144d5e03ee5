import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAdminApiClient } from './client.ts'
import { isAdminApiError } from './errors.ts'
import { UpdateUserStandardAttributesDocument, UserStandardAttributesDocument } from './operations.ts'
import { rejection } from './test-utils/rejection.ts'

const uuid = '97b1c929-842c-415c-a7df-6967efdda160'
const nodeId = 'VXNlcjo5N2IxYzkyOS04NDJjLTQxNWMtYTdkZi02OTY3ZWZkZGExNjA'
const query = 'x-authgear-algorithm=HMAC-SHA256&x-authgear-date=2026-01-02T03:04:05Z&x-authgear-expires=900&x-authgear-signature=ab&x-authgear-signedheaders=host'
const uploadUrl = `https://app.authgear.cloud/_images/app/obj-1?${query}`

interface Call {
  url: string
  init: RequestInit
}

/** A scripted fetch: answers in order and records what it was asked. */
function scriptedFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init })
    const answer = answers.shift()
    if (answer === undefined) throw new Error('unexpected request')
    if (answer instanceof Error) throw answer
    return answer
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const readUser = (standardAttributes: Record<string, unknown>) =>
  json({ data: { node: { id: nodeId, updatedAt: '2026-01-01T00:00:00Z', standardAttributes } } })


afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createAdminApiClient', () => {
  it('asks the proxy for an upload URL with fresh headers per request and same-origin cookies', async () => {
    const { fetch, calls } = scriptedFetch(json({ result: { upload_url: uploadUrl } }), json({ result: { upload_url: uploadUrl } }))
    let token = 0
    const client = createAdminApiClient({ endpoint: '/api/avatar/', fetch, headers: async () => ({ 'x-csrf-token': `t${++token}` }) })
    const target = await client.getUploadUrl()
    await client.getUploadUrl()
    expect(target).toMatchObject({ appId: 'app', objectId: 'obj-1', query })
    expect(calls.map((call) => call.url)).toEqual(['/api/avatar/_api/admin/images/upload', '/api/avatar/_api/admin/images/upload'])
    expect(calls.map((call) => new Headers(call.init.headers).get('x-csrf-token'))).toEqual(['t1', 't2'])
    expect(calls[0]?.init.credentials).toBe('same-origin')
  })

  it('refuses an upload_url that is not a pre-signed Authgear images URL', async () => {
    const { fetch } = scriptedFetch(json({ result: { upload_url: 'https://evil.example/steal?x=1' } }))
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.getUploadUrl())).toMatchObject({ code: 'unexpected-response' })
  })

  it('uploads through the proxy as exactly one multipart part named file, with the query untouched', async () => {
    const { fetch, calls } = scriptedFetch(json({ result: { url: 'authgearimages:///app/obj-1' } }))
    const client = createAdminApiClient({ endpoint: '/api', fetch, headers: { 'x-session': 's', 'content-type': 'application/json' } })
    const progress: number[] = []
    const stored = await client.uploadImage(uploadUrl, new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), {
      onProgress: (fraction) => progress.push(fraction),
    })
    expect(stored).toBe('authgearimages:///app/obj-1')
    expect(calls[0]?.url).toBe(`/api/_images/app/obj-1?${query}`)
    expect(calls[0]?.init.method).toBe('POST')
    expect(new Headers(calls[0]?.init.headers).get('x-session')).toBe('s')
    // The multipart boundary comes from the body; a consumer's content type must not replace it.
    expect(new Headers(calls[0]?.init.headers).has('content-type')).toBe(false)
    const form = calls[0]?.init.body as FormData
    expect([...form.keys()]).toEqual(['file'])
    expect((form.get('file') as File).name).toBe('avatar.jpg')
    expect(progress).toEqual([0, 1])
  })

  it('uploads straight to Authgear in direct mode without the dashboard headers or cookies', async () => {
    const { fetch, calls } = scriptedFetch(json({ result: { url: 'authgearimages:///app/obj-1' } }))
    const client = createAdminApiClient({ endpoint: '/api', fetch, headers: { 'x-session': 's' }, upload: 'direct' })
    await client.uploadImage(uploadUrl, new Blob(['x']))
    expect(calls[0]?.url).toBe(uploadUrl)
    expect(new Headers(calls[0]?.init.headers).has('x-session')).toBe(false)
    expect(calls[0]?.init.credentials).toBe('omit')
  })

  it('refuses an upload answer naming another object', async () => {
    const { fetch } = scriptedFetch(json({ result: { url: 'authgearimages:///app/someone-elses' } }))
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.uploadImage(uploadUrl, new Blob(['x'])))).toMatchObject({ code: 'unexpected-response' })
  })

  it('writes the whole standard attributes back as a variable with only the picture changed', async () => {
    const { fetch, calls } = scriptedFetch(
      readUser({ email: 'a@example.com', email_verified: true, name: 'Ada', updated_at: 1 }),
      json({ data: { updateUser: { user: { id: nodeId, updatedAt: 'now', standardAttributes: { email: 'a@example.com', name: 'Ada', picture: 'https://x/_images/app/obj-1/profile' } } } } }),
    )
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    const user = await client.setUserPicture(uuid, 'authgearimages:///app/obj-1')
    expect(user.standardAttributes.picture).toBe('https://x/_images/app/obj-1/profile')
    const [read, write] = calls.map((call) => JSON.parse(String(call.init.body)) as { query: string; variables: Record<string, unknown> })
    expect(read).toEqual({ query: UserStandardAttributesDocument, variables: { id: nodeId } })
    expect(write).toEqual({
      query: UpdateUserStandardAttributesDocument,
      variables: { userID: nodeId, standardAttributes: { email: 'a@example.com', name: 'Ada', picture: 'authgearimages:///app/obj-1' } },
    })
    expect(write?.query).not.toContain('customAttributes')
    expect(new Headers(calls[1]?.init.headers).get('content-type')).toBe('application/json')
  })

  it('refuses to write a picture Authgear would not accept, without a request', async () => {
    const { fetch, calls } = scriptedFetch()
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.setUserPicture(uuid, 'javascript:alert(1)'))).toMatchObject({ code: 'validation-failed' })
    expect(calls).toHaveLength(0)
  })

  it('answers user-not-found for a malformed id without a request, and for a null node', async () => {
    const { fetch, calls } = scriptedFetch(json({ data: { node: null } }))
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    const malformed = await rejection(client.getUser('not-a-user'))
    expect(malformed).toMatchObject({ code: 'user-not-found' })
    expect((malformed as Error).cause).toBeInstanceOf(TypeError)
    expect(calls).toHaveLength(0)
    expect(await rejection(client.getUser(uuid))).toMatchObject({ code: 'user-not-found' })
  })

  it('maps GraphQL errors that arrive with HTTP 200', async () => {
    const { fetch } = scriptedFetch(
      json({ data: null, errors: [{ message: 'user is anonymized', path: ['updateUser'], extensions: { errorName: 'Invalid', reason: 'UserIsAnonymized' } }] }),
    )
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.request(UserStandardAttributesDocument, { id: nodeId }))).toMatchObject({
      code: 'user-anonymized',
      status: 200,
      errorName: 'Invalid',
      reason: 'UserIsAnonymized',
    })
  })

  it.each([
    ['garbage JSON', () => new Response('{"data":', { status: 200 }), 'unexpected-response'],
    ['a JSON array', () => json([1, 2]), 'unexpected-response'],
    ['no data', () => json({}), 'unexpected-response'],
    ['403 Forbidden text', () => new Response('Forbidden', { status: 403, headers: { 'content-type': 'text/plain' } }), 'forbidden'],
    ['a rejected fetch', () => new TypeError('Failed to fetch'), 'network'],
  ] as const)('turns %s into %s', async (_, answer, code) => {
    const { fetch } = scriptedFetch(answer())
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.getUser(uuid))).toMatchObject({ code })
  })

  it('rejects with aborted when the signal fires, before or during a request', async () => {
    const before = new AbortController()
    before.abort()
    const { fetch, calls } = scriptedFetch()
    const client = createAdminApiClient({ endpoint: '/api', fetch })
    expect(await rejection(client.getUploadUrl({ signal: before.signal }))).toMatchObject({ code: 'aborted' })
    expect(calls).toHaveLength(0)

    const during = new AbortController()
    const hanging = vi.fn(
      (_: RequestInfo | URL, init: RequestInit = {}) =>
        new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    )
    const slowClient = createAdminApiClient({ endpoint: '/api', fetch: hanging as unknown as typeof globalThis.fetch })
    const pending = slowClient.getUploadUrl({ signal: during.signal })
    during.abort()
    const error = await rejection(pending)
    expect(isAdminApiError(error, 'aborted')).toBe(true)
  })
})

/** Just enough of XMLHttpRequest to drive the upload path: records what it sent, answers when told. */
class FakeXhr {
  static last: FakeXhr | undefined
  method = ''
  url = ''
  headers: Record<string, string> = {}
  withCredentials = false
  body: unknown
  status = 0
  responseText = ''
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onabort: (() => void) | null = null
  aborted = false
  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: unknown) {
    this.body = body
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  respond(status: number, text: string) {
    this.status = status
    this.responseText = text
    this.onload?.()
  }
}

async function startedXhr(): Promise<FakeXhr> {
  await vi.waitFor(() => {
    if (FakeXhr.last?.body === undefined) throw new Error('not sent yet')
  })
  return FakeXhr.last as FakeXhr
}

describe('uploadImage over XMLHttpRequest', () => {
  const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })

  it('reports monotonic progress and maps the answer like fetch does', async () => {
    FakeXhr.last = undefined
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const client = createAdminApiClient({ endpoint: '/api', headers: () => ({ 'x-csrf-token': 'c' }) })
    const progress: number[] = []
    const pending = client.uploadImage(uploadUrl, image, { onProgress: (fraction) => progress.push(fraction) })
    const xhr = await startedXhr()
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe(`/api/_images/app/obj-1?${query}`)
    expect(xhr.headers['x-csrf-token']).toBe('c')
    expect([...(xhr.body as FormData).keys()]).toEqual(['file'])
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 20, total: 100 })
    xhr.respond(200, JSON.stringify({ result: { url: 'authgearimages:///app/obj-1' } }))
    await expect(pending).resolves.toBe('authgearimages:///app/obj-1')
    expect(progress).toEqual([0, 0.5, 1])
  })

  it('maps an error answer with the shared mapping', async () => {
    FakeXhr.last = undefined
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const client = createAdminApiClient({ endpoint: '/api' })
    const pending = client.uploadImage(uploadUrl, image)
    const xhr = await startedXhr()
    xhr.respond(409, JSON.stringify({ error: { name: 'AlreadyExists', reason: 'DuplicatedImage', message: 'duplicated', code: 409 } }))
    expect(await rejection(pending)).toMatchObject({ code: 'duplicated-image', status: 409, retryable: true })
  })

  it('aborts the request itself when the signal fires, and reports network failures', async () => {
    FakeXhr.last = undefined
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    const client = createAdminApiClient({ endpoint: '/api' })
    const controller = new AbortController()
    const pending = client.uploadImage(uploadUrl, image, { signal: controller.signal })
    const xhr = await startedXhr()
    controller.abort()
    expect(await rejection(pending)).toMatchObject({ code: 'aborted' })
    expect(xhr.aborted).toBe(true)

    FakeXhr.last = undefined
    const failing = client.uploadImage(uploadUrl, image)
    ;(await startedXhr()).onerror?.()
    expect(await rejection(failing)).toMatchObject({ code: 'network', retryable: true })
  })
})
