import { AdminApiError, type AdminApiErrorCode } from './errors.js'
import { parseJson } from './json.js'

/** Which endpoint answered: the same status means different things on each. */
export type AdminApiRoute = 'upload-url' | 'upload' | 'graphql'

/** The `{"error":{...}}` body Authgear (and the reference proxy) send with a non-2xx status. */
interface AuthgearErrorBody {
  name?: unknown
  reason?: unknown
  message?: unknown
  info?: unknown
}

/** One entry of a GraphQL `errors` array, as Authgear sends it (with HTTP 200). */
export interface GraphQLErrorLike {
  message?: unknown
  path?: unknown
  extensions?: { errorName?: unknown; reason?: unknown; info?: unknown } | null
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function readErrorBody(json: unknown): AuthgearErrorBody | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined
  const error = (json as { error: unknown }).error
  return typeof error === 'object' && error !== null ? (error as AuthgearErrorBody) : undefined
}

function codeForReason(reason: string | undefined, message: string | undefined, route: AdminApiRoute): AdminApiErrorCode | undefined {
  switch (reason) {
    case 'ExpiredSignature':
      return 'upload-url-expired'
    case 'DuplicatedImage':
      return 'duplicated-image'
    case 'ProxyUnauthorized':
      return 'unauthorized'
    case 'ProxyOriginNotAllowed':
    case 'ProxyOperationNotAllowed':
    case 'ProxyPictureNotAllowed':
      return 'forbidden'
    case 'ProxyAttributesChanged':
      return 'conflict'
    case 'ProxyUserNotFound':
      return 'user-not-found'
    case 'ProxyUpstreamUnavailable':
      return 'network'
    case 'ProxyBodyTooLarge':
      return route === 'upload' ? 'asset-too-large' : 'unexpected-response'
    case 'BadRequest':
      // Authgear says "asset too large" for both an empty file and one above 10 MiB.
      return message === 'asset too large' ? 'asset-too-large' : route === 'upload' ? 'invalid-upload' : undefined
    case 'Invalid':
    case 'InvalidSignature':
    case 'InvalidSignatureQueryParam':
      return route === 'upload' ? 'invalid-upload' : undefined
    default:
      return undefined
  }
}

function codeForStatus(status: number, route: AdminApiRoute): AdminApiErrorCode {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  // A reverse proxy's own body cap (nginx `client_max_body_size`) answers 413 with HTML.
  if (status === 413 && route === 'upload') return 'asset-too-large'
  return 'unexpected-response'
}

/**
 * Turns a non-2xx answer of Authgear or of the proxy into an {@link AdminApiError}.
 * Shared by the fetch and XMLHttpRequest paths so both report the same codes.
 */
export function errorFromHttpResponse(route: AdminApiRoute, status: number, bodyText: string): AdminApiError {
  const body = readErrorBody(parseJson(bodyText))
  const reason = asString(body?.reason)
  const message = asString(body?.message)
  const code = codeForReason(reason, message, route) ?? codeForStatus(status, route)
  const summary = message ?? (bodyText.length > 0 && bodyText.length <= 200 ? bodyText.trim() : `HTTP ${status}`)
  return new AdminApiError(code, `${route}: ${summary}`, {
    status,
    name: asString(body?.name),
    reason,
    info: body?.info,
    cause: body ?? bodyText,
  })
}

function codeForGraphQLError(error: GraphQLErrorLike): AdminApiErrorCode {
  const reason = asString(error.extensions?.reason)
  const errorName = asString(error.extensions?.errorName)
  switch (reason) {
    case 'UserIsAnonymized':
      return 'user-anonymized'
    case 'ValidationFailed':
      return 'validation-failed'
    case 'UserNotFound':
      return 'user-not-found'
    default:
      if (errorName === 'NotFound') return 'user-not-found'
      if (errorName === 'Forbidden' || errorName === 'Unauthorized') return 'forbidden'
      return 'graphql'
  }
}

/** Turns the `errors` of a GraphQL response (Authgear sends them with HTTP 200) into one {@link AdminApiError}. */
export function errorFromGraphQLErrors(errors: readonly GraphQLErrorLike[], status = 200): AdminApiError {
  const first = errors[0] ?? {}
  const message = asString(first.message) ?? 'GraphQL error'
  return new AdminApiError(codeForGraphQLError(first), message, {
    status,
    name: asString(first.extensions?.errorName),
    reason: asString(first.extensions?.reason),
    info: first.extensions?.info,
    cause: errors,
  })
}
