/** Headers every answer of the proxy carries: nothing here may be cached or sniffed. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

/** Why the proxy itself refused a request; the `reason` the client maps to an error code. */
export type ProxyRefusal =
  | 'ProxyUnauthorized'
  | 'ProxyOriginNotAllowed'
  | 'ProxyOperationNotAllowed'
  | 'ProxyAttributesChanged'
  | 'ProxyPictureNotAllowed'
  | 'ProxyUserNotFound'
  | 'ProxyNotFound'
  | 'ProxyBodyTooLarge'
  | 'ProxyUnsupportedMediaType'
  | 'ProxyBadRequest'
  | 'ProxyUpstreamUnavailable'
  | 'ProxyMisconfigured'

const REFUSALS: Record<ProxyRefusal, { status: number; name: string }> = {
  ProxyUnauthorized: { status: 401, name: 'Unauthorized' },
  ProxyOriginNotAllowed: { status: 403, name: 'Forbidden' },
  ProxyOperationNotAllowed: { status: 403, name: 'Forbidden' },
  ProxyAttributesChanged: { status: 409, name: 'Conflict' },
  ProxyPictureNotAllowed: { status: 403, name: 'Forbidden' },
  ProxyUserNotFound: { status: 404, name: 'NotFound' },
  ProxyNotFound: { status: 404, name: 'NotFound' },
  ProxyBodyTooLarge: { status: 413, name: 'RequestEntityTooLarge' },
  ProxyUnsupportedMediaType: { status: 415, name: 'UnsupportedMediaType' },
  ProxyBadRequest: { status: 400, name: 'BadRequest' },
  ProxyUpstreamUnavailable: { status: 502, name: 'BadGateway' },
  ProxyMisconfigured: { status: 500, name: 'InternalError' },
}

// Lets the Node adapter hand unknown paths to the next middleware without a marker header.
const notFoundResponses = new WeakSet<Response>()

/** An answer of the proxy itself, shaped like Authgear's errors: `{"error":{name,reason,message,code}}`. */
export function refusal(reason: ProxyRefusal, message: string): Response {
  const { status, name } = REFUSALS[reason]
  const response = new Response(JSON.stringify({ error: { name, reason, message, code: status } }), {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' },
  })
  if (reason === 'ProxyNotFound') notFoundResponses.add(response)
  return response
}

/** Whether `response` is the proxy's own 404 for a path it does not serve. */
export function isUnservedPath(response: Response): boolean {
  return notFoundResponses.has(response)
}

/** Authgear's answer passed back with its status and body, and only its content type among its headers. */
export function passBack(upstream: Response): Response {
  const headers = new Headers(BASE_HEADERS)
  const contentType = upstream.headers.get('content-type')
  if (contentType !== null) headers.set('content-type', contentType)
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers })
}
