import { abortedError, throwIfAborted } from './abort.js'
import { AdminApiError } from './errors.js'
import { parseJson } from './json.js'
import { errorFromHttpResponse, type AdminApiRoute } from './response-errors.js'

/** Extra request headers: fixed, or computed per request (a fresh CSRF token, a session header). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

/** What every request of one client shares. */
export interface Transport {
  fetch: typeof fetch
  headers: HeadersOption | undefined
  credentials: RequestCredentials
}

/** Builds the request headers, calling the consumer's function once per request. */
export async function resolveHeaders(option: HeadersOption | undefined): Promise<Headers> {
  const init = typeof option === 'function' ? await option() : option
  return new Headers(init)
}

/** The {@link AdminApiError} for a failed `fetch` or body read: `aborted` when the signal fired, else `network`. */
export function transportError(error: unknown, signal?: AbortSignal): AdminApiError {
  if (error instanceof AdminApiError) return error
  if (signal?.aborted) return abortedError(signal)
  return new AdminApiError('network', 'The request did not complete', { cause: error })
}

/** A response reduced to what the error mapping and the JSON readers need. */
export interface TextResponse {
  status: number
  ok: boolean
  text: string
}

/** `fetch` with the client's credentials and signal; network failures and aborts become {@link AdminApiError}s. */
export async function fetchText(transport: Transport, url: string, init: RequestInit & { signal?: AbortSignal }): Promise<TextResponse> {
  throwIfAborted(init.signal)
  try {
    const response = await transport.fetch(url, { credentials: transport.credentials, ...init })
    const text = await response.text()
    return { status: response.status, ok: response.ok, text }
  } catch (error) {
    throw transportError(error, init.signal)
  }
}

/**
 * The JSON object of a 2xx answer; a non-2xx answer becomes its mapped error,
 * and a 2xx body that is not a JSON object becomes `unexpected-response`.
 */
export function readJsonObject(route: AdminApiRoute, response: TextResponse): Record<string, unknown> {
  if (!response.ok) throw errorFromHttpResponse(route, response.status, response.text)
  const json = parseJson(response.text)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new AdminApiError('unexpected-response', `${route}: the response is not a JSON object`, {
      status: response.status,
      cause: response.text.slice(0, 200),
    })
  }
  return json as Record<string, unknown>
}

/** `json.result` of an Authgear REST answer (`{"result":{...}}`), or `unexpected-response`. */
export function readResult(route: AdminApiRoute, response: TextResponse): Record<string, unknown> {
  const result = readJsonObject(route, response).result
  if (typeof result !== 'object' || result === null) {
    throw new AdminApiError('unexpected-response', `${route}: the response has no result`, { status: response.status, cause: result })
  }
  return result as Record<string, unknown>
}
