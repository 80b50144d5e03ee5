import { adminApiOperations, UserStandardAttributesDocument, type StandardAttributes } from '../core/operations.js'
import { parseJson } from '../core/json.js'
import { createAdminJwtSigner } from './admin-jwt.js'
import { createOperationAllowlist } from './allowlist.js'
import { BodyTooLargeError, capStream, declaresTooLarge, readCappedText } from './body-limit.js'
import { isPictureWrite, judgePictureWrite } from './picture-write.js'
import { passBack, refusal } from './responses.js'

/** Largest GraphQL request body forwarded, as Authgear's own limit. */
export const MAX_GRAPHQL_BODY_BYTES = 1024 * 1024
/** Largest upload body forwarded: Authgear's 10 MiB file limit plus room for the multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = 10 * 1024 * 1024 + 16 * 1024

/** Options of {@link createAdminApiProxy}. */
export interface AdminApiProxyOptions {
  /** Authgear's public origin for the app, e.g. `https://myapp.authgear.cloud`: upload URLs are signed for its host. */
  authgearOrigin: string
  /** The Authgear app (project) id. */
  appId: string
  /** The Admin API key id (`kid`) shown in the Authgear portal. */
  keyId: string
  /** The Admin API private key: the PKCS#8 PEM text the portal gives, or an RS256 `CryptoKey`. Never leaves the server. */
  privateKey: string | CryptoKey
  /**
   * The dashboard's own admin-session check, called first for every request.
   * Returning `false` or throwing answers 401.
   */
  authorize: (request: Request) => boolean | Promise<boolean>
  /** When given, a request whose `Origin` header is present and not listed is refused (403). */
  allowedOrigins?: readonly string[]
  /** GraphQL documents to allow besides the library's own (`adminApiOperations`). */
  operations?: readonly string[]
  /**
   * Hold the library's `updateUser` to what the library does with it: the
   * proxy reads the user first and refuses a write that would change any
   * standard attribute but `picture` (409 `ProxyAttributesChanged`: changed
   * since the client read it, or more than a picture change) or whose picture
   * is not this app's own uploaded image, the current one, or none (403
   * `ProxyPictureNotAllowed`); a write for a user the read does not find is
   * refused too (404 `ProxyUserNotFound`). Costs one Admin API read per save.
   * Your own `operations` are not checked.
   * @default true
   */
  checkPictureWrites?: boolean
  /**
   * Where the handler is mounted, e.g. `/api/avatar`; the client's `endpoint` ends with it.
   * @default ''
   */
  basePath?: string
  /**
   * The `fetch` used to reach Authgear.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
}

/** A Fetch-API request handler: Node (via `toNodeHandler`), Deno, Bun, workers, Next.js route handlers. */
export type AdminApiProxyHandler = (request: Request) => Promise<Response>

const UPLOAD_PATH = /^\/_images\/([A-Za-z0-9_-]{1,128})\/([A-Za-z0-9_-]{1,128})$/

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

async function isAuthorized(authorize: AdminApiProxyOptions['authorize'], request: Request): Promise<boolean> {
  try {
    return (await authorize(request)) === true
  } catch {
    return false
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `data.node.standardAttributes` of a user read, or `undefined` when there is none. */
function currentStandardAttributes(json: unknown): StandardAttributes | undefined {
  const node = (json as { data?: { node?: { standardAttributes?: unknown } | null } } | undefined)?.data?.node
  return isPlainObject(node?.standardAttributes) ? (node.standardAttributes as StandardAttributes) : undefined
}

interface GraphQLBody {
  query: string
  variables?: Record<string, unknown>
  operationName?: string
}

function readGraphQLBody(text: string): GraphQLBody | undefined {
  const json = parseJson(text)
  if (typeof json !== 'object' || json === null) return undefined
  const { query, variables, operationName } = json as Record<string, unknown>
  if (typeof query !== 'string') return undefined
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (operationName ?? undefined) as string | undefined,
  }
}

/**
 * The reference server-side proxy between the library and Authgear's Admin API.
 *
 * Checks the dashboard's session (`authorize`), signs the admin JWT, and forwards
 * only `GET /_api/admin/images/upload`, the allowlisted `POST /_api/admin/graphql`
 * operations and `POST /_images/<appId>/<object>` uploads (streamed, capped).
 * Browser headers (cookies, authorization) never reach Authgear; the key and the
 * token never reach the browser. Everything else answers 404.
 */
export function createAdminApiProxy(options: AdminApiProxyOptions): AdminApiProxyHandler {
  const authgearOrigin = new URL(options.authgearOrigin).origin
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const upstreamFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const allowlist = createOperationAllowlist([...adminApiOperations, ...(options.operations ?? [])])
  const signJwt = createAdminJwtSigner({ appId: options.appId, keyId: options.keyId, privateKey: options.privateKey })
  const allowedOrigins = options.allowedOrigins ? new Set(options.allowedOrigins) : undefined

  /** Calls Authgear; failures to reach it become 502, a body past its cap 413. */
  async function forward(path: string, init: RequestInit): Promise<Response> {
    try {
      return passBack(await upstreamFetch(`${authgearOrigin}${path}`, init))
    } catch (error) {
      if (error instanceof BodyTooLargeError || (error as { cause?: unknown })?.cause instanceof BodyTooLargeError) {
        return refusal('ProxyBodyTooLarge', 'The upload is larger than Authgear accepts')
      }
      return refusal('ProxyUpstreamUnavailable', 'Authgear could not be reached')
    }
  }

  async function adminHeaders(extra: Record<string, string> = {}): Promise<Headers | undefined> {
    try {
      return new Headers({ ...extra, authorization: `Bearer ${await signJwt()}` })
    } catch {
      return undefined
    }
  }

  async function uploadUrl(request: Request): Promise<Response> {
    const headers = await adminHeaders({ accept: 'application/json' })
    if (!headers) return refusal('ProxyMisconfigured', 'The Admin API key could not sign a token')
    return forward('/_api/admin/images/upload', { method: 'GET', headers, signal: request.signal })
  }

  async function graphql(request: Request): Promise<Response> {
    // A cross-site form can post text/plain or form encodings without a preflight, never JSON.
    if (mediaType(request) !== 'application/json') {
      return refusal('ProxyUnsupportedMediaType', 'GraphQL requests must be application/json')
    }
    let text: string
    try {
      text = await readCappedText(request, MAX_GRAPHQL_BODY_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refusal('ProxyBodyTooLarge', 'The GraphQL request is larger than 1 MiB')
      return refusal('ProxyBadRequest', 'The request body could not be read')
    }
    const body = readGraphQLBody(text)
    if (!body) return refusal('ProxyBadRequest', 'The body is not a GraphQL request')
    if (!allowlist.allows(body.query, body.operationName)) {
      return refusal('ProxyOperationNotAllowed', 'This GraphQL operation is not allowed through the proxy')
    }
    const headers = await adminHeaders({ 'content-type': 'application/json', accept: 'application/json' })
    if (!headers) return refusal('ProxyMisconfigured', 'The Admin API key could not sign a token')
    if (options.checkPictureWrites !== false && isPictureWrite(body.query)) {
      const refused = await checkPictureWrite(body, headers, request.signal)
      if (refused) return refused
    }
    return forward('/_api/admin/graphql', { method: 'POST', headers, body: JSON.stringify(body), signal: request.signal })
  }

  /** Reads the user and judges the write against it; a refusal, or `undefined` to forward the write. */
  async function checkPictureWrite(body: GraphQLBody, headers: Headers, signal: AbortSignal): Promise<Response | undefined> {
    const { userID, standardAttributes } = body.variables ?? {}
    if (typeof userID !== 'string' || !isPlainObject(standardAttributes)) {
      return refusal('ProxyBadRequest', 'The picture write needs a userID and a standardAttributes object')
    }
    let read: Response
    try {
      read = await upstreamFetch(`${authgearOrigin}/_api/admin/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: UserStandardAttributesDocument, variables: { id: userID } }),
        signal,
      })
    } catch {
      return refusal('ProxyUpstreamUnavailable', 'Authgear could not be reached')
    }
    // Authgear's own refusal (a JWT it does not accept, a GraphQL error) is the answer the client should see.
    if (!read.ok) return passBack(read)
    const text = await read.text()
    const json = parseJson(text)
    if (Array.isArray((json as { errors?: unknown } | undefined)?.errors)) return passBack(new Response(text, { status: read.status, headers: read.headers }))
    // No user to compare with: never let the write through unchecked (fail closed).
    const current = currentStandardAttributes(json)
    if (!current) return refusal('ProxyUserNotFound', `No user has the id ${JSON.stringify(userID)}`)
    const refused = judgePictureWrite(standardAttributes, current, options.appId)
    return refused ? refusal(refused.reason, refused.message) : undefined
  }

  async function upload(request: Request, path: string, search: string): Promise<Response> {
    if (declaresTooLarge(request, MAX_UPLOAD_BODY_BYTES)) {
      return refusal('ProxyBodyTooLarge', 'The upload is larger than Authgear accepts')
    }
    const headers = new Headers()
    const contentType = request.headers.get('content-type')
    if (contentType !== null) headers.set('content-type', contentType)
    const contentLength = request.headers.get('content-length')
    if (contentLength !== null && /^\d+$/.test(contentLength)) headers.set('content-length', contentLength)
    // No admin JWT: the signed query is the authorization, and the fetch URL gives the Host it was signed for.
    return forward(`${path}${search}`, {
      method: 'POST',
      headers,
      body: request.body ? capStream(request.body, MAX_UPLOAD_BODY_BYTES) : null,
      signal: request.signal,
      duplex: 'half',
    } as RequestInit)
  }

  return async function handleAdminApiProxyRequest(request: Request): Promise<Response> {
    // Routes are matched on the raw request target, so the signed query is never re-encoded.
    const rawTarget = request.url.slice(new URL(request.url).origin.length)
    const queryStart = rawTarget.indexOf('?')
    const fullPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart)
    const search = queryStart === -1 ? '' : rawTarget.slice(queryStart)
    // Outside the mount point the request is not for the proxy at all (Express passes it on).
    if (!fullPath.startsWith(`${basePath}/`)) return refusal('ProxyNotFound', 'Not found')

    if (!(await isAuthorized(options.authorize, request))) {
      return refusal('ProxyUnauthorized', 'The admin session was not accepted')
    }
    const origin = request.headers.get('origin')
    if (allowedOrigins && origin !== null && !allowedOrigins.has(origin)) {
      return refusal('ProxyOriginNotAllowed', 'Requests from this origin are not allowed')
    }

    const path = fullPath.slice(basePath.length)
    if (path === '/_api/admin/images/upload' && request.method === 'GET') return uploadUrl(request)
    if (path === '/_api/admin/graphql' && request.method === 'POST') return graphql(request)
    const uploadPath = UPLOAD_PATH.exec(path)
    if (uploadPath && uploadPath[1] === options.appId && request.method === 'POST' && search.length > 1) {
      return upload(request, path, search)
    }
    return refusal('ProxyNotFound', 'Not found')
  }
}
