import { describe, expect, it } from 'vitest'
import type { LocalUserSummary } from '../index.ts'
import { adminFetch, filePart, graphql, postForm, presign, seedUser, UPDATE_USER, useLocalAuthgear, type ErrorBody } from './helpers.ts'

const fixture = useLocalAuthgear()

const localApi = (path: string, init: RequestInit = {}) => fetch(`${fixture.local.url}/__local${path}`, init)
const addFault = (fault: Record<string, unknown>) =>
  localApi('/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) })

describe('fault injection over HTTP', () => {
  it('answers the given status and body for the next `times` requests, then recovers', async () => {
    const added = await addFault({ route: 'upload-url', times: 2, status: 503, body: '{"error":"maintenance"}' })
    expect(added.status).toBe(200)
    for (let i = 0; i < 2; i += 1) {
      const response = await adminFetch(fixture.local, '/_api/admin/images/upload')
      expect(response.status).toBe(503)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(await response.json()).toEqual({ error: 'maintenance' })
    }
    expect((await adminFetch(fixture.local, '/_api/admin/images/upload')).status).toBe(200)
    expect(fixture.local.stats().uploadUrlsIssued).toBe(1)
  })

  it('uses the given content type (an HTML 502 from a gateway)', async () => {
    await addFault({ route: 'graphql', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' })
    const response = await adminFetch(fixture.local, '/_api/admin/graphql', { method: 'POST', body: '{}' })
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toBe('<html>Bad Gateway</html>')
  })

  it('delays a request by latencyMs and then handles it normally', async () => {
    await addFault({ route: 'images', latencyMs: 150 })
    const started = performance.now()
    const response = await fetch(`${fixture.local.url}/_images/dev-app/5b0f6a3e-1c2d-4e8f-9a10-6f1e2d3c4b5a/original`)
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('cuts the connection mid-upload: the client sees a network error and nothing is stored', async () => {
    await addFault({ route: 'upload', cut: true })
    const url = await presign(fixture.local)
    await expect(postForm(url, [filePart(new Uint8Array(2 * 1024 * 1024).fill(1))])).rejects.toThrow()
    expect(fixture.local.stats().uploadsStored).toBe(0)
    // The fault is used up: the same URL works now (nothing was stored under it).
    expect((await postForm(url, [filePart(new Uint8Array(10))])).status).toBe(200)
  })

  it('cuts a GraphQL request', async () => {
    await addFault({ route: 'graphql', cut: true })
    await expect(graphql(fixture.local, '{ __typename }')).rejects.toThrow()
    expect((await graphql(fixture.local, '{ __typename }')).status).toBe(200)
  })

  it('expires every upload URL issued so far (real ExpiredSignature), not later ones', async () => {
    const before = await presign(fixture.local)
    const expired = await localApi('/expire-upload-urls', { method: 'POST' })
    expect(await expired.json()).toEqual({ expired: 1 })
    const after = await presign(fixture.local)
    const refused = await postForm(before, [filePart(new Uint8Array(10))])
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({ name: 'Invalid', reason: 'ExpiredSignature' })
    expect((await postForm(after, [filePart(new Uint8Array(10))])).status).toBe(200)
  })

  it('clears pending faults with DELETE', async () => {
    await addFault({ route: 'graphql', status: 500 })
    expect((await localApi('/faults', { method: 'DELETE' })).status).toBe(200)
    expect((await graphql(fixture.local, '{ __typename }')).status).toBe(200)
  })

  it('refuses an invalid fault with 400', async () => {
    expect((await addFault({ route: 'everything', status: 500 })).status).toBe(400)
    expect((await addFault({ route: 'graphql' })).status).toBe(400)
    expect((await addFault({ route: 'graphql', status: 500, times: 0 })).status).toBe(400)
  })
})

describe('stats and reset', () => {
  it('counts issued URLs, stored uploads, GraphQL requests and committed mutations', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    await postForm(await presign(fixture.local), [filePart(new Uint8Array(10))])
    await presign(fixture.local)
    await graphql(fixture.local, UPDATE_USER, { input: { userID: user.nodeId, customAttributes: {} } })
    await graphql(fixture.local, '{ __typename }')
    const stats = await (await localApi('/stats')).json()
    expect(stats).toEqual({ uploadUrlsIssued: 2, uploadsStored: 1, graphqlRequests: 2, mutations: 1 })
    expect(fixture.local.stats()).toEqual(stats)
  })

  it('goes back to the seed: users, objects, faults and counters', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    await graphql(fixture.local, UPDATE_USER, { input: { userID: user.nodeId, standardAttributes: { name: 'Changed' } } })
    const upload = await postForm(await presign(fixture.local), [filePart(new Uint8Array(10))])
    const { result } = (await upload.json()) as { result: { url: string } }
    await addFault({ route: 'graphql', status: 500, times: 5 })

    expect((await localApi('/reset', { method: 'POST' })).status).toBe(200)

    expect(fixture.local.stats()).toEqual({ uploadUrlsIssued: 0, uploadsStored: 0, graphqlRequests: 0, mutations: 0 })
    expect(fixture.local.faults.pending()).toEqual([])
    const users = (await (await localApi('/users')).json()) as LocalUserSummary[]
    expect(users.find((entry) => entry.id === user.uuid)?.standardAttributes.name).toBe('Dmitri Volkov')
    const object = `${fixture.local.url}/_images/${result.url.slice('authgearimages:///'.length)}/original`
    expect((await fetch(object)).status).toBe(404)
    expect((await fetch(`${fixture.local.url}/_images/dev-app/5b0f6a3e-1c2d-4e8f-9a10-6f1e2d3c4b5a/profile`)).status).toBe(200)
  })

  it('lists users without auth, pictures in https form', async () => {
    const users = (await (await localApi('/users')).json()) as LocalUserSummary[]
    expect(users).toHaveLength(fixture.local.users.length)
    const alice = users.find((entry) => entry.id === seedUser(fixture.local, 'picture-jpeg').uuid)
    expect(alice).toMatchObject({ formattedName: 'Alice Chen', customAttributes: { department: 'Finance', employee_no: 'E-1042', vip: true } })
    expect(alice?.standardAttributes.picture).toMatch(new RegExp(`^${fixture.local.url}/_images/dev-app/.+/profile$`))
  })
})

describe('the in-process fault API', () => {
  it('works like the HTTP one', async () => {
    fixture.local.faults.add({ route: 'upload-url', status: 429 })
    expect(fixture.local.faults.pending()).toEqual([{ route: 'upload-url', status: 429, times: 1 }])
    expect((await adminFetch(fixture.local, '/_api/admin/images/upload')).status).toBe(429)
    expect(fixture.local.faults.pending()).toEqual([])
    expect(() => fixture.local.faults.add({ route: 'graphql' })).toThrow(TypeError)
  })
})

describe('/__local is for this machine only', () => {
  const paths = [
    ['GET', '/__local/stats'],
    ['GET', '/__local/users'],
    ['POST', '/__local/reset'],
    ['POST', '/__local/expire-upload-urls'],
    ['DELETE', '/__local/faults'],
  ] as const

  it.each(paths)('answers %s %s with 404 to a non-loopback client', async (method, path) => {
    const request = new Request(`${fixture.local.url}${path}`, { method })
    const response = await fixture.local.app(request, { remoteAddress: '192.168.1.20' })
    expect(response.status).toBe(404)
  })

  it('refuses to queue a fault for a non-loopback client', async () => {
    const request = new Request(`${fixture.local.url}/__local/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'graphql', status: 500 }),
    })
    expect((await fixture.local.app(request, { remoteAddress: '::ffff:10.0.0.7' })).status).toBe(404)
    expect(fixture.local.faults.pending()).toEqual([])
  })

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('answers the loopback address %s', async (remoteAddress) => {
    const response = await fixture.local.app(new Request(`${fixture.local.url}/__local/stats`), { remoteAddress })
    expect(response.status).toBe(200)
  })
})
