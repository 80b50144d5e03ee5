/**
 * Small re-implementations of the Go standard library behaviours Authgear's
 * wire format depends on (query escaping, `url.Values` parsing, `encoding/json`
 * HTML escaping, `%v` of a map). Getting these byte-exact keeps signatures,
 * error messages and JSON bodies identical to what the Go server sends.
 */

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const isUnreserved = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) || // 0-9
  (byte >= 0x41 && byte <= 0x5a) || // A-Z
  (byte >= 0x61 && byte <= 0x7a) || // a-z
  byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e // - . _ ~

/** Go's `url.QueryEscape`: unreserved bytes kept, space as `+`, the rest `%XX` (upper case). */
export function goQueryEscape(value: string): string {
  let out = ''
  for (const byte of encoder.encode(value)) {
    if (isUnreserved(byte)) out += String.fromCharCode(byte)
    else if (byte === 0x20) out += '+'
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** Go's `url.QueryUnescape`; `undefined` where Go returns an error (a bad `%` escape). */
export function goQueryUnescape(value: string): string | undefined {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] as string
    if (char === '%') {
      const hex = value.slice(i + 1, i + 3)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else if (char === '+') {
      bytes.push(0x20)
    } else {
      bytes.push(...encoder.encode(char))
    }
  }
  return decoder.decode(new Uint8Array(bytes))
}

/**
 * Go's `url.ParseQuery` as used by `r.URL.Query()`: pairs with `;` or a bad
 * escape are dropped silently, the rest kept in order, repeated names grouped.
 */
export function goParseQuery(rawQuery: string): Map<string, string[]> {
  const values = new Map<string, string[]>()
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue
    const eq = pair.indexOf('=')
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const key = goQueryUnescape(rawKey)
    const value = goQueryUnescape(rawValue)
    if (key === undefined || value === undefined) continue
    const list = values.get(key)
    if (list) list.push(value)
    else values.set(key, [value])
  }
  return values
}

/** `url.Values.Get`: the first value, or `''`. */
export function goQueryGet(values: Map<string, string[]>, name: string): string {
  return values.get(name)?.[0] ?? ''
}

/** Go's `url.Values.Encode`: names sorted, every name and value query-escaped. */
export function goEncodeQuery(values: Map<string, string[]>): string {
  return [...values.keys()]
    .sort()
    .flatMap((name) => (values.get(name) ?? []).map((value) => `${goQueryEscape(name)}=${goQueryEscape(value)}`))
    .join('&')
}

/**
 * `JSON.stringify` with the escaping of Go's `encoding/json` (`<`, `>`, `&`,
 * U+2028 and U+2029 as `\uXXXX`), so a presigned URL reads `\u0026` in the raw
 * body exactly as Authgear sends it.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Go's `%v` of a decoded JSON value (maps with sorted keys, slices in brackets). */
export function goFormatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(goFormatValue).join(' ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `map[${entries.map(([key, item]) => `${key}:${goFormatValue(item)}`).join(' ')}]`
  }
  return String(value)
}

/** Go's `%#v` of a string: a double-quoted Go string literal. */
export function goQuote(value: string): string {
  return JSON.stringify(value)
}

/** Go's `hex.DecodeString`; `undefined` on odd length or a non-hex digit. */
export function goHexDecode(value: string): Uint8Array | undefined {
  if (value.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(value)) return undefined
  const bytes = new Uint8Array(value.length / 2)
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(value.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** Lower-case hex, as Go's `hex.EncodeToString`. */
export function hexEncode(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Go's `strconv.Atoi` for the values that matter here; `undefined` where Go errors. */
export function goAtoi(value: string): number | undefined {
  if (!/^[+-]?\d+$/.test(value)) return undefined
  const parsed = Number(value)
  return Number.isSafeInteger(parsed) ? parsed : undefined
}

/** `base64.RawURLEncoding` (no padding, `-` and `_`), as Go encodes node ids and file metadata. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * `base64.RawURLEncoding.DecodeString`: refuses padding, `+`, `/`, and a
 * length that cannot come from unpadded base64. `undefined` on error.
 */
export function base64UrlDecode(value: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return undefined
  const padded = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4)
  try {
    const binary = atob(padded)
    return Uint8Array.from(binary, (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** UTF-8 bytes of a string. */
export const utf8 = (value: string): Uint8Array => encoder.encode(value)

/** Text of UTF-8 bytes (invalid sequences replaced, as Go's `string(b)` then JSON would). */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes)

/**
 * The parts of a URL as Go's `url.Parse` sees them, without the WHATWG
 * normalisation `new URL` applies (which would hide `..` segments or a host
 * on `authgearimages:`). `undefined` where Go's parser errors.
 */
export interface GoUrl {
  scheme: string
  host: string
  path: string
}

export function goParseUrl(raw: string): GoUrl | undefined {
  // Go refuses ASCII control characters anywhere in a URL.
  if ([...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return undefined
  let rest = raw.split('#')[0] as string
  let scheme = ''
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest)
  if (schemeMatch) {
    scheme = (schemeMatch[1] as string).toLowerCase()
    rest = rest.slice(schemeMatch[0].length)
  } else if (/^[^/?]*:/.test(rest)) {
    // "first path segment in URL cannot contain colon"
    return undefined
  }
  rest = rest.split('?')[0] as string
  let host = ''
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/\//)
    host = end === -1 ? rest.slice(2) : rest.slice(2, 2 + end)
    rest = end === -1 ? '' : rest.slice(2 + end)
    const hostOnly = host.includes('@') ? host.slice(host.lastIndexOf('@') + 1) : host
    const port = /:([^\]]*)$/.exec(hostOnly)
    if (port && !hostOnly.startsWith('[') && !/^\d*$/.test(port[1] as string)) return undefined
    host = hostOnly
  }
  if (/%(?![0-9a-fA-F]{2})/.test(rest)) return undefined
  return { scheme, host, path: rest }
}

/** Go's `path.Clean` for absolute slash-separated paths. */
export function goCleanPath(path: string): string {
  if (path === '') return '.'
  const rooted = path.startsWith('/')
  const parts: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
      else if (!rooted) parts.push('..')
      continue
    }
    parts.push(segment)
  }
  const joined = parts.join('/')
  if (rooted) return `/${joined}`
  return joined === '' ? '.' : joined
}
