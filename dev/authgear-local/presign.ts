import { invalid, type ApiError } from './api-errors.ts'
import { goAtoi, goEncodeQuery, goHexDecode, goParseQuery, goQueryEscape, goQueryGet, hexEncode, utf8 } from './go-compat.ts'

/**
 * Authgear's `httpsigning` for upload URLs, on WebCrypto so it runs in Node,
 * jsdom and the browser alike: HMAC-SHA256 over method, path, every query
 * parameter but the signature (sorted) and the `host` header.
 */

const ALGORITHM = 'HMAC-SHA256'
const SIGNED_HEADERS = 'host'

/** How long an upload URL lives, in seconds (Authgear's `PresignPutExpires`). */
export const UPLOAD_URL_EXPIRES_SECONDS = 900

/** The request facts the signature covers. */
export interface SignedRequest {
  method: string
  /** The escaped path, e.g. `/_images/dev-app/<uuid>`. */
  path: string
  /** The raw query string, without `?`. */
  rawQuery: string
  /** The `Host` the request arrived with (`host[:port]`). */
  host: string
}

/** Go's `time.Format("2006-01-02T15:04:05Z")` of a UTC instant (seconds truncated). */
export function formatSigningTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}

/** Go's `time.Parse("2006-01-02T15:04:05Z", s)`; ms, or `undefined` on error. */
export function parseSigningTime(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  const back = new Date(ms)
  // Go refuses out-of-range fields (month 13, 31 April, hour 24) instead of normalising them.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined
  return ms
}

function canonicalQueryString(values: Map<string, string[]>): string {
  const parts: string[] = []
  for (const name of [...values.keys()].sort()) {
    if (name === '' || name === 'x-authgear-signature') continue
    for (const value of values.get(name) ?? []) {
      parts.push(value === '' ? goQueryEscape(name) : `${goQueryEscape(name)}=${goQueryEscape(value)}`)
    }
  }
  return parts.join('&')
}

/** The canonical request text (also returned in `InvalidSignature` errors, as Authgear does). */
export function canonicalRequest(request: SignedRequest): string {
  return [
    request.method,
    request.path,
    canonicalQueryString(goParseQuery(request.rawQuery)),
    `host:${request.host}`,
    '',
    SIGNED_HEADERS,
    'UNSIGNED-PAYLOAD',
  ].join('\n')
}

async function sha256Hex(text: string): Promise<string> {
  return hexEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text) as BufferSource)))
}

/** Signs and verifies upload URLs with one secret. */
export class UploadUrlSigner {
  private readonly key: Promise<CryptoKey>

  constructor(secret: Uint8Array) {
    this.key = crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  }

  private async hmac(stringToSign: string): Promise<Uint8Array> {
    return new Uint8Array(await crypto.subtle.sign('HMAC', await this.key, utf8(stringToSign) as BufferSource))
  }

  private async stringToSign(request: SignedRequest, signedAtMs: number): Promise<{ text: string; canonical: string }> {
    const canonical = canonicalRequest(request)
    return { text: `${ALGORITHM}\n${formatSigningTime(signedAtMs)}\n${await sha256Hex(canonical)}`, canonical }
  }

  /**
   * Signs a POST to `origin + path` with the given extra query parameters, as
   * `httpsigning.Sign` does; returns the full URL and its signature.
   */
  async sign(options: { origin: string; path: string; query: Map<string, string[]>; nowMs: number }): Promise<{ url: string; signature: string }> {
    const query = new Map(options.query)
    query.set('x-authgear-algorithm', [ALGORITHM])
    query.set('x-authgear-date', [formatSigningTime(options.nowMs)])
    query.set('x-authgear-expires', [String(UPLOAD_URL_EXPIRES_SECONDS)])
    query.set('x-authgear-signedheaders', [SIGNED_HEADERS])
    const host = new URL(options.origin).host
    const rawQuery = goEncodeQuery(query)
    const { text } = await this.stringToSign({ method: 'POST', path: options.path, rawQuery, host }, options.nowMs)
    const signature = hexEncode(await this.hmac(text))
    query.set('x-authgear-signature', [signature])
    return { url: `${options.origin}${options.path}?${goEncodeQuery(query)}`, signature }
  }

  /**
   * `httpsigning.Verify`: the query parameters must parse, the signature must
   * match, and only then is the expiry checked. `isRevoked` lets the local
   * server expire URLs on demand; it answers the real `ExpiredSignature`.
   */
  async verify(request: SignedRequest, nowMs: number, isRevoked: (signature: string) => boolean = () => false): Promise<ApiError | undefined> {
    const query = goParseQuery(request.rawQuery)
    const signatureHex = goQueryGet(query, 'x-authgear-signature')
    const claimed = goHexDecode(signatureHex)
    if (!claimed) return invalid('InvalidSignatureQueryParam', 'invalid x-authgear-signature')
    const signedAt = parseSigningTime(goQueryGet(query, 'x-authgear-date'))
    if (signedAt === undefined) return invalid('InvalidSignatureQueryParam', 'invalid x-authgear-date')
    const expires = goAtoi(goQueryGet(query, 'x-authgear-expires'))
    if (expires === undefined) return invalid('InvalidSignatureQueryParam', 'invalid x-authgear-expires')

    const { text, canonical } = await this.stringToSign(request, signedAt)
    const expected = await this.hmac(text)
    const equal = claimed.length === expected.length && claimed.every((byte, i) => byte === expected[i])
    if (!equal) return invalid('InvalidSignature', 'invalid signature', { canonical_request: canonical })

    if (nowMs > signedAt + expires * 1000 || isRevoked(signatureHex.toLowerCase())) {
      return invalid('ExpiredSignature', 'expired signature')
    }
    return undefined
  }
}
