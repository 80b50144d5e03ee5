/**
 * What went wrong, as one string a UI can switch on.
 *
 * - `forbidden`: Authgear refused the admin JWT (403 `text/plain` `Forbidden`), or the proxy refused the origin
 *   or a picture that is not one of the app's uploaded images.
 * - `unauthorized`: the consumer's proxy refused the admin's own session (401).
 * - `network`: the request never got a complete answer (offline, connection cut, proxy could not reach Authgear).
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `upload-url-expired`: the pre-signed upload URL is older than 15 minutes (`ExpiredSignature`).
 * - `duplicated-image`: the pre-signed upload URL was used already (409 `DuplicatedImage`).
 * - `asset-too-large`: the file is empty or above 10 MiB.
 * - `invalid-upload`: the upload request or the file was refused (bad signature, content type, part, or not an image).
 * - `user-not-found`: no user has that id, or the id is malformed.
 * - `user-anonymized`: an anonymized user cannot be updated (`UserIsAnonymized`).
 * - `validation-failed`: Authgear refused the attribute values (`ValidationFailed`).
 * - `conflict`: the reference proxy found the user's other attributes changed between the read and the write
 *   (409 `ProxyAttributesChanged`); retrying reads the user again.
 * - `graphql`: any other GraphQL error.
 * - `unexpected-response`: an answer the library cannot read or trust (bad JSON, bad URL, unknown status).
 */
export type AdminApiErrorCode =
  | 'forbidden'
  | 'unauthorized'
  | 'network'
  | 'aborted'
  | 'upload-url-expired'
  | 'duplicated-image'
  | 'asset-too-large'
  | 'invalid-upload'
  | 'user-not-found'
  | 'user-anonymized'
  | 'validation-failed'
  | 'conflict'
  | 'graphql'
  | 'unexpected-response'

/** Options of {@link AdminApiError}; everything but `code` is optional. */
export interface AdminApiErrorOptions {
  /** HTTP status of the response that carried the error, when there was one. */
  status?: number
  /** Authgear's error `name` (e.g. `Invalid`) or GraphQL `extensions.errorName`. */
  name?: string
  /** Authgear's error `reason` (e.g. `ExpiredSignature`) or GraphQL `extensions.reason`. */
  reason?: string
  /** Authgear's error `info`, e.g. the validation causes. */
  info?: unknown
  /**
   * Whether trying again (with a fresh upload URL, for upload errors) can succeed.
   * @default derived from `code` and `status`, see {@link isRetryableByDefault}
   */
  retryable?: boolean
  /** The underlying error or response body. */
  cause?: unknown
}

/** The one error type of `authgear-avatar-editor/core`: switch on `code`. */
export class AdminApiError extends Error {
  /** What went wrong. */
  readonly code: AdminApiErrorCode
  /** HTTP status, when a response was received. */
  readonly status: number | undefined
  /** Authgear's error name (`Invalid`, `AlreadyExists`, ...). Not to be confused with {@link Error.name}. */
  readonly errorName: string | undefined
  /** Authgear's error reason (`ExpiredSignature`, `DuplicatedImage`, `ValidationFailed`, ...). */
  readonly reason: string | undefined
  /** Authgear's error info. */
  readonly info: unknown
  /** Whether trying again can succeed. */
  readonly retryable: boolean

  constructor(code: AdminApiErrorCode, message: string, options: AdminApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AdminApiError'
    this.code = code
    this.status = options.status
    this.errorName = options.name
    this.reason = options.reason
    this.info = options.info
    this.retryable = options.retryable ?? isRetryableByDefault(code, options.status)
  }
}

/** Narrows `error` to {@link AdminApiError}, optionally of one of `codes`. */
export function isAdminApiError(error: unknown, ...codes: AdminApiErrorCode[]): error is AdminApiError {
  return error instanceof AdminApiError && (codes.length === 0 || codes.includes(error.code))
}

/**
 * Network failures, used-up upload URLs, and gateway or overload answers are worth another try;
 * everything else fails the same way again.
 */
export function isRetryableByDefault(code: AdminApiErrorCode, status?: number): boolean {
  switch (code) {
    case 'network':
    case 'upload-url-expired':
    case 'duplicated-image':
    case 'conflict':
      return true
    case 'unexpected-response':
      return status !== undefined && (status === 429 || status === 502 || status === 503 || status === 504)
    default:
      return false
  }
}
