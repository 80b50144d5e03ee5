import { throwIfAborted } from './abort.js'
import { AdminApiError } from './errors.js'
import { fetchText, readJsonObject, readResult, resolveHeaders, type HeadersOption, type Transport } from './http.js'
import { isWritablePictureUrl, parseUploadUrl, uploadRequestUrl, type UploadTarget } from './image-urls.js'
import {
  UpdateUserStandardAttributesDocument,
  UserStandardAttributesDocument,
  UserWithCustomAttributesDocument,
  type AdminUser,
  type TypedDocumentString,
} from './operations.js'
import { errorFromGraphQLErrors, type GraphQLErrorLike } from './response-errors.js'
import { withPicture } from './standard-attributes.js'
import { defaultUploadFilename, postUpload, type UploadTransport } from './upload.js'
import { userNodeIdOrNotFound } from './user-id.js'

/** Options of {@link createAdminApiClient}. */
export interface AdminApiClientOptions {
  /**
   * Base URL of the consumer's proxy (their own backend, e.g. `/api/avatar` or
   * `https://admin.example.com/api/avatar`). The client calls
   * `${endpoint}/_api/admin/images/upload`, `${endpoint}/_api/admin/graphql`
   * and, in `proxy` upload mode, `${endpoint}/_images/<app>/<object>?<signed query>`.
   */
  endpoint: string
  /**
   * The `fetch` to use, e.g. one that adds a session header.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
  /** Headers sent to the proxy with every request; a function is called per request (fresh CSRF token). Never sent to Authgear directly. */
  headers?: HeadersOption
  /**
   * Cookies sent to the proxy.
   * @default 'same-origin'
   */
  credentials?: RequestCredentials
  /**
   * `proxy` posts the file through the consumer's proxy; `direct` posts it to
   * Authgear's pre-signed URL, which works only when Authgear's CORS allows the
   * dashboard's origin.
   * @default 'proxy'
   */
  upload?: 'proxy' | 'direct'
  /**
   * `auto` uses XMLHttpRequest (for upload progress) when it exists and no custom
   * `fetch` was given, and `fetch` otherwise.
   * @default 'auto'
   */
  uploadTransport?: UploadTransport
}

/** Options every request accepts. */
export interface RequestOptions {
  /** Cancels the request; the promise then rejects with code `aborted`. */
  signal?: AbortSignal
}

/** Options of {@link AdminApiClient.uploadImage}. */
export interface UploadImageOptions extends RequestOptions {
  /** Called with the uploaded fraction, 0..1, never decreasing. With `fetch` only 0 and 1. */
  onProgress?: (fraction: number) => void
  /**
   * File name of the multipart part.
   * @default `avatar.<ext>` after the blob's type
   */
  filename?: string
}

/** Options of {@link AdminApiClient.getUser}. */
export interface GetUserOptions extends RequestOptions {
  /**
   * Read the user's custom attributes too.
   * @default false
   */
  customAttributes?: boolean
}

/** A GraphQL request the proxy allows (one of the library's documents, or one the consumer allowlisted). */
export interface GraphQLRequestOptions extends RequestOptions {
  /** The operation to run when the document holds several. */
  operationName?: string
}

/** The framework-free Admin API client. All methods reject with {@link AdminApiError} only. */
export interface AdminApiClient {
  /** Asks for a fresh pre-signed upload URL (valid 15 minutes, for one upload). */
  getUploadUrl(options?: RequestOptions): Promise<UploadTarget>
  /**
   * Uploads one file to a pre-signed URL and returns what Authgear stored it as,
   * `authgearimages:///APP/OBJECT`. Does not check size or type: {@link updateUserPicture} does.
   */
  uploadImage(uploadUrl: string | UploadTarget, blob: Blob, options?: UploadImageOptions): Promise<string>
  /**
   * Reads a user by UUID or node id.
   * @throws AdminApiError `user-not-found` for an unknown or malformed id.
   */
  getUser(userId: string, options?: GetUserOptions): Promise<AdminUser>
  /**
   * Sets (or, with `null`, removes) a user's picture and keeps every other
   * standard attribute: reads them, changes `picture`, writes the whole object
   * back. Custom attributes are never sent. Returns the user as written.
   * @param picture `authgearimages:///APP/OBJECT` or an absolute http(s) URL, or `null`
   */
  setUserPicture(userId: string, picture: string | null, options?: RequestOptions): Promise<AdminUser>
  /** The proxy's GraphQL URL, `${endpoint}/_api/admin/graphql`: for another GraphQL client (urql) to reach the same proxy. */
  readonly graphqlUrl: string
  /**
   * `fetch` with this client's `headers` (resolved per request) and `credentials`, so
   * another GraphQL client sends exactly what this one sends. Rejects like `fetch`.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>
  /** Runs a GraphQL document through the proxy; GraphQL errors reject as mapped {@link AdminApiError}s. */
  request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options?: GraphQLRequestOptions): Promise<TResult>
}

function trimTrailingSlashes(endpoint: string): string {
  return endpoint.replace(/\/+$/, '')
}

function readUser(node: unknown, userId: string): AdminUser {
  if (typeof node !== 'object' || node === null || typeof (node as { id?: unknown }).id !== 'string') {
    throw new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(userId)}`)
  }
  const { id, updatedAt, isAnonymized, standardAttributes, customAttributes } = node as Record<string, unknown>
  if (typeof standardAttributes !== 'object' || standardAttributes === null || Array.isArray(standardAttributes)) {
    throw new AdminApiError('unexpected-response', 'The user has no standardAttributes object', { cause: node })
  }
  const user: AdminUser = { id: id as string, updatedAt: String(updatedAt), standardAttributes: standardAttributes as AdminUser['standardAttributes'] }
  if (typeof isAnonymized === 'boolean') user.isAnonymized = isAnonymized
  if (customAttributes !== undefined) user.customAttributes = customAttributes as AdminUser['customAttributes']
  return user
}

/**
 * Creates the framework-free client for Authgear's Admin API, talking to the
 * consumer's proxy (see `authgear-avatar-editor/proxy`). Runs in browsers and Node 20.
 */
export function createAdminApiClient(options: AdminApiClientOptions): AdminApiClient {
  const endpoint = trimTrailingSlashes(options.endpoint)
  const transport: Transport = {
    // Bound lazily so tests and polyfills that replace globalThis.fetch later still apply.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: options.headers,
    credentials: options.credentials ?? 'same-origin',
  }
  const uploadMode = options.upload ?? 'proxy'
  const uploadTransport: UploadTransport = options.uploadTransport ?? (options.fetch ? 'fetch' : 'auto')

  async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    requestOptions: GraphQLRequestOptions = {},
  ): Promise<TResult> {
    const headers = await resolveHeaders(transport.headers)
    headers.set('content-type', 'application/json')
    headers.set('accept', 'application/json')
    const body: Record<string, unknown> = { query: document, variables }
    if (requestOptions.operationName !== undefined) body.operationName = requestOptions.operationName
    const response = await fetchText(transport, `${endpoint}/_api/admin/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: requestOptions.signal,
    })
    const json = readJsonObject('graphql', response)
    if (Array.isArray(json.errors) && json.errors.length > 0) {
      throw errorFromGraphQLErrors(json.errors as GraphQLErrorLike[], response.status)
    }
    if (typeof json.data !== 'object' || json.data === null) {
      throw new AdminApiError('unexpected-response', 'graphql: the response has no data', { status: response.status, cause: json })
    }
    return json.data as TResult
  }

  async function getUploadUrl(requestOptions: RequestOptions = {}): Promise<UploadTarget> {
    const response = await fetchText(transport, `${endpoint}/_api/admin/images/upload`, {
      method: 'GET',
      headers: await resolveHeaders(transport.headers),
      signal: requestOptions.signal,
    })
    return parseUploadUrl(readResult('upload-url', response).upload_url)
  }

  async function uploadImage(uploadUrl: string | UploadTarget, blob: Blob, uploadOptions: UploadImageOptions = {}): Promise<string> {
    const target = typeof uploadUrl === 'string' ? parseUploadUrl(uploadUrl) : uploadUrl
    throwIfAborted(uploadOptions.signal)
    return postUpload(transport, uploadTransport, target, {
      url: uploadRequestUrl(target, uploadMode, endpoint),
      blob,
      filename: uploadOptions.filename ?? defaultUploadFilename(blob),
      withConsumerCredentials: uploadMode === 'proxy',
      signal: uploadOptions.signal,
      onProgress: uploadOptions.onProgress,
    })
  }

  async function getUser(userId: string, getOptions: GetUserOptions = {}): Promise<AdminUser> {
    const id = userNodeIdOrNotFound(userId)
    const data = getOptions.customAttributes
      ? await request(UserWithCustomAttributesDocument, { id }, getOptions)
      : await request(UserStandardAttributesDocument, { id }, getOptions)
    return readUser(data.node, userId)
  }

  async function setUserPicture(userId: string, picture: string | null, requestOptions: RequestOptions = {}): Promise<AdminUser> {
    if (picture !== null && !isWritablePictureUrl(picture)) {
      // Checked here as Authgear would, so nothing else can ever reach a profile.
      throw new AdminApiError('validation-failed', `Not a picture URL Authgear accepts: ${JSON.stringify(picture)}`)
    }
    const id = userNodeIdOrNotFound(userId)
    // Nothing but the two requests between read and write: updateUser has no version check.
    const current = await getUser(id, requestOptions)
    const data = await request(
      UpdateUserStandardAttributesDocument,
      { userID: current.id, standardAttributes: withPicture(current.standardAttributes, picture) },
      requestOptions,
    )
    return readUser(data.updateUser?.user, userId)
  }

  async function fetchWithClientOptions(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const headers = await resolveHeaders(transport.headers)
    new Headers(init.headers).forEach((value, name) => headers.set(name, value))
    return transport.fetch(input, { credentials: transport.credentials, ...init, headers })
  }

  return {
    graphqlUrl: `${endpoint}/_api/admin/graphql`,
    fetch: fetchWithClientOptions,
    getUploadUrl,
    uploadImage,
    getUser,
    setUserPicture,
    request,
  }
}
