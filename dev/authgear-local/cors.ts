/**
 * Authgear's `CORSMiddleware` for the image routes: always `Vary: Origin`;
 * for an allowed `Origin`, echo it with credentials, a 900 s max age and
 * whatever method/headers the preflight asked for. Never `*`.
 */
export function corsHeaders(request: Request, allowedOrigins: ReadonlySet<string>): Headers {
  const headers = new Headers({ Vary: 'Origin' })
  const origin = request.headers.get('origin')
  if (origin && allowedOrigins.has(normalizeOrigin(origin))) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
    headers.set('Access-Control-Max-Age', '900')
    const method = request.headers.get('access-control-request-method')
    if (method) headers.set('Access-Control-Allow-Methods', method)
    const requested = request.headers.get('access-control-request-headers')
    if (requested) headers.set('Access-Control-Allow-Headers', requested)
  }
  return headers
}

/** `scheme://host[:port]` lower-cased, without a trailing slash. */
export function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase()
}

/** Copies `extra` headers onto a response (responses from `fetch`-style constructors are mutable). */
export function withHeaders(response: Response, extra: Headers): Response {
  if (response.type === 'error') return response
  extra.forEach((value, name) => {
    if (name.toLowerCase() === 'vary') response.headers.append(name, value)
    else response.headers.set(name, value)
  })
  return response
}
