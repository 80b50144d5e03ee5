import { goJson } from './go-compat.ts'

/**
 * An error as Authgear's `apierrors.APIError`: serialised as
 * `{"error":{"name","reason","message","code","info"?}}` on REST endpoints and
 * as `extensions: {errorName, reason, info?}` in GraphQL errors.
 */
export class ApiError extends Error {
  constructor(
    /** `name` on the wire (`Invalid`, `BadRequest`, `NotFound`, ...). */
    readonly errorName: string,
    readonly reason: string,
    message: string,
    /** The HTTP status the REST endpoints answer with. */
    readonly code: number,
    readonly info?: Record<string, unknown>,
    /**
     * What GraphQL shows as `message`: graphql-go prints the Go error, which
     * for a validation error is longer than the API message.
     */
    readonly graphqlMessage?: string,
  ) {
    super(message)
  }

  /** The JSON body of a REST error response. */
  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = {
      name: this.errorName,
      reason: this.reason,
      message: this.message,
      code: this.code,
    }
    if (this.info && Object.keys(this.info).length > 0) error.info = this.info
    return { error }
  }
}

/** `apierrors.Invalid.WithReason(reason)`; HTTP 400. */
export const invalid = (reason: string, message: string, info?: Record<string, unknown>): ApiError =>
  new ApiError('Invalid', reason, message, 400, info)

/** `apierrors.NewInvalid(message)`: name and reason both `Invalid`. */
export const newInvalid = (message: string): ApiError => invalid('Invalid', message)

/** `apierrors.NewBadRequest(message)`: name and reason both `BadRequest`; HTTP 400. */
export const newBadRequest = (message: string): ApiError => new ApiError('BadRequest', 'BadRequest', message, 400)

/** What Authgear answers for any error it does not recognise (a Go error, a panic). */
export const unexpectedError = (): ApiError =>
  new ApiError('InternalError', 'UnexpectedError', 'unexpected error occurred', 500)

/** `http.MaxBytesError` as Authgear's `AsAPIError` reports it. */
export const requestEntityTooLarge = (): ApiError =>
  new ApiError('RequestEntityTooLarge', 'RequestEntityTooLarge', 'http: request body too large', 413)

/** A JSON syntax error in a request body. */
export const invalidJson = (message: string): ApiError => new ApiError('BadRequest', 'InvalidJSON', message, 400)

/** The user does not exist (`NotFound`/`UserNotFound`). */
export const userNotFound = (): ApiError => new ApiError('NotFound', 'UserNotFound', 'user not found', 404)

/** An anonymized user cannot be updated. */
export const userIsAnonymized = (): ApiError => invalid('UserIsAnonymized', 'user is anonymized')

/** One failed JSON-schema check, serialised as Authgear's `validation.Error`. */
export interface ValidationCause {
  location: string
  kind: string
  details?: Record<string, unknown>
}

/**
 * `Invalid`/`ValidationFailed`, as a `validation.AggregatedError` becomes one.
 * `graphqlMessage` is the Go `Error()` text graphql-go puts in `message`.
 */
export function validationFailed(message: string, causes: ValidationCause[], graphqlMessage: string): ApiError {
  return new ApiError('Invalid', 'ValidationFailed', message, 400, { causes }, graphqlMessage)
}

/** A JSON response with Go's escaping. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit, contentType = 'application/json'): Response {
  const response = new Response(goJson(body), { status, headers })
  response.headers.set('Content-Type', contentType)
  return response
}

/** The REST error response of an {@link ApiError}. */
export function apiErrorResponse(error: ApiError, headers?: HeadersInit): Response {
  return jsonResponse(error.code, error.toBody(), headers)
}

/** Go's `http.Error`: `text/plain; charset=utf-8`, `nosniff`, the text plus a newline. */
export function goHttpError(status: number, text: string, headers?: HeadersInit): Response {
  const response = new Response(`${text}\n`, { status, headers })
  response.headers.set('Content-Type', 'text/plain; charset=utf-8')
  response.headers.set('X-Content-Type-Options', 'nosniff')
  return response
}

/** Go's `http.NotFound`. */
export const goNotFound = (headers?: HeadersInit): Response => goHttpError(404, '404 page not found', headers)
