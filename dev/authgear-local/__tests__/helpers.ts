import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startAuthgearLocal, type AuthgearLocal, type AuthgearLocalOptions } from '../index.ts'

/** A clock tests move by hand. */
export interface TestClock {
  now: () => number
  advanceSeconds(seconds: number): void
  set(ms: number): void
}

export function testClock(start = Date.parse('2025-03-01T12:00:00Z')): TestClock {
  let current = start
  return {
    now: () => current,
    advanceSeconds: (seconds) => {
      current += seconds * 1000
    },
    set: (ms) => {
      current = ms
    },
  }
}

/** The state a test file shares: one server (random port), reset before every test. */
export interface LocalFixture {
  local: AuthgearLocal
  clock: TestClock
}

/** Starts one local Authgear for the file, resets it (and the clock) before each test, closes it after. */
export function useLocalAuthgear(options: AuthgearLocalOptions = {}): LocalFixture {
  const fixture = { clock: testClock() } as LocalFixture
  const start = fixture.clock.now()
  beforeAll(async () => {
    fixture.local = await startAuthgearLocal({ now: fixture.clock.now, ...options })
  })
  beforeEach(async () => {
    fixture.clock.set(start)
    await fixture.local.reset()
  })
  afterAll(async () => {
    await fixture.local?.close()
  })
  return fixture
}

/** `fetch` to the Admin API with a fresh valid admin JWT. */
export async function adminFetch(local: AuthgearLocal, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('Authorization', `Bearer ${await local.mintAdminJwt()}`)
  return fetch(`${local.url}${path}`, { ...init, headers })
}

/** A fresh upload URL from the Admin API. */
export async function presign(local: AuthgearLocal): Promise<string> {
  const response = await adminFetch(local, '/_api/admin/images/upload')
  if (response.status !== 200) throw new Error(`presign failed: ${response.status}`)
  const body = (await response.json()) as { result: { upload_url: string } }
  return body.result.upload_url
}

/** One part of a hand-built multipart body. */
export interface Part {
  name: string
  filename?: string
  contentType?: string
  bytes: Uint8Array
}

/** A multipart body built byte by byte, so tests control every part. */
export function multipart(parts: Part[], boundary = 'agl-test-boundary-7f3a'): { body: Uint8Array; contentType: string } {
  const encoder = new TextEncoder()
  const chunks: Uint8Array[] = []
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`
    if (part.filename !== undefined) head += `; filename="${part.filename}"`
    head += '\r\n'
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`
    chunks.push(encoder.encode(`${head}\r\n`), part.bytes, encoder.encode('\r\n'))
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`))
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A file part named `file`, as a browser's `FormData` would send it. */
export const filePart = (bytes: Uint8Array, contentType = 'image/jpeg'): Part => ({ name: 'file', filename: 'avatar.jpg', contentType, bytes })

/** POSTs a hand-built multipart body to an upload URL. */
export async function postForm(url: string, parts: Part[], headers: Record<string, string> = {}): Promise<Response> {
  const { body, contentType } = multipart(parts)
  return fetch(url, { method: 'POST', body: body as BodyInit, headers: { 'Content-Type': contentType, ...headers } })
}

/** An Authgear REST error body. */
export interface ErrorBody {
  error: { name: string; reason: string; message: string; code: number; info?: Record<string, unknown> }
}

/** A GraphQL call with an admin JWT; returns the status and parsed body. */
export async function graphql(
  local: AuthgearLocal,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: { data: unknown; errors?: GraphQLErrorBody[] } }> {
  const response = await adminFetch(local, '/_api/admin/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, body: (await response.json()) as { data: unknown; errors?: GraphQLErrorBody[] } }
}

export interface GraphQLErrorBody {
  message: string
  path?: (string | number)[]
  extensions?: { errorName: string; reason: string; info?: Record<string, unknown> }
}

/**
 * A request through `node:http` (fetch cannot set `Host`): for tests that
 * must send a different Host header than the URL's.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(options.body)
  })
}

/** The user node query the library uses. */
export const USER_QUERY = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on User { id updatedAt standardAttributes customAttributes }
    }
  }
`

/** The mutation the library uses. */
export const UPDATE_USER = /* GraphQL */ `
  mutation ($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user { id updatedAt standardAttributes customAttributes }
    }
  }
`

export interface UserNode {
  id: string
  updatedAt: string
  standardAttributes: Record<string, unknown>
  customAttributes: Record<string, unknown>
}

/** Reads a user through GraphQL. */
export async function readUser(local: AuthgearLocal, nodeId: string): Promise<UserNode | null> {
  const { body } = await graphql(local, USER_QUERY, { id: nodeId })
  return (body.data as { node: UserNode | null }).node
}

/** The seeded user with this label. */
export function seedUser(local: AuthgearLocal, label: string) {
  const user = local.users.find((candidate) => candidate.label === label)
  if (!user) throw new Error(`no seed user ${label}`)
  return user
}
