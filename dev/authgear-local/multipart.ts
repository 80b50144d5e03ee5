import { fromUtf8, utf8 } from './go-compat.ts'

/**
 * `multipart/form-data` the way Go's `mime` and `mime/multipart` read it, which
 * decides what Authgear's upload endpoint accepts: a part is a *file* only
 * when its `Content-Disposition` has a `filename`; parts without a `name` are
 * skipped.
 */

/** A parsed media type: lower-cased type and parameter names. */
export interface MediaType {
  type: string
  params: Map<string, string>
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Go's `mime.ParseMediaType`; `undefined` where Go returns an error. */
export function parseMediaType(value: string): MediaType | undefined {
  const [rawType = '', ...rest] = splitParams(value)
  const type = rawType.trim().toLowerCase()
  if (type === '') return undefined
  const [major, minor, extra] = type.split('/')
  if (!major || !TOKEN.test(major) || (minor !== undefined && (!minor || !TOKEN.test(minor))) || extra !== undefined) return undefined
  const params = new Map<string, string>()
  for (const raw of rest) {
    const param = raw.trim()
    if (param === '') continue
    const eq = param.indexOf('=')
    if (eq <= 0) return undefined
    const key = param.slice(0, eq).trim().toLowerCase()
    let val = param.slice(eq + 1).trim()
    if (!TOKEN.test(key)) return undefined
    if (val.startsWith('"')) {
      if (val.length < 2 || !val.endsWith('"')) return undefined
      val = val.slice(1, -1).replace(/\\(.)/g, '$1')
    } else if (!TOKEN.test(val)) {
      return undefined
    }
    if (params.has(key)) return undefined
    params.set(key, val)
  }
  return { type, params }
}

// Splits on `;` outside quoted strings.
function splitParams(value: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] as string
    if (quoted && char === '\\' && i + 1 < value.length) {
      current += char + (value[i + 1] as string)
      i += 1
      continue
    }
    if (char === '"') quoted = !quoted
    if (char === ';' && !quoted) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

/** One file part of a form. */
export interface FilePart {
  filename: string
  contentType?: string
  bytes: Uint8Array
}

/** A parsed form: file parts and plain values, by field name. */
export interface ParsedForm {
  files: Map<string, FilePart[]>
  values: Map<string, string[]>
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]
  outer: for (let i = haystack.indexOf(first as number, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

function parseHeaders(text: string): Map<string, string> | undefined {
  const headers = new Map<string, string>()
  if (text === '') return headers
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) return undefined
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim())
  }
  return headers
}

// Go's multipart reader refuses forms with more parts than this (multipartmaxparts).
const MAX_PARTS = 1000

/**
 * Reads a whole `multipart/form-data` body; `undefined` where Go's
 * `Reader.ReadForm` fails (no opening boundary, unterminated part, bad headers).
 */
export function parseMultipartForm(body: Uint8Array, boundary: string): ParsedForm | undefined {
  const dash = utf8(`--${boundary}`)
  const crlfDash = utf8(`\r\n--${boundary}`)
  const form: ParsedForm = { files: new Map(), values: new Map() }

  let pos = 0
  if (indexOf(body, dash, 0) !== 0) {
    const found = indexOf(body, crlfDash, 0)
    if (found === -1) return undefined
    pos = found + 2
  }

  for (let parts = 0; ; parts += 1) {
    if (parts > MAX_PARTS) return undefined
    pos += dash.length
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return form // closing delimiter
    while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1 // transport padding
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2
    else if (body[pos] === 0x0a) pos += 1
    else return undefined

    let headerText: string
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) {
      headerText = ''
      pos += 2
    } else {
      const end = indexOf(body, utf8('\r\n\r\n'), pos)
      if (end === -1) return undefined
      headerText = fromUtf8(body.subarray(pos, end))
      pos = end + 4
    }
    const headers = parseHeaders(headerText)
    if (!headers) return undefined

    const bodyEnd = indexOf(body, crlfDash, pos)
    if (bodyEnd === -1) return undefined
    addPart(form, headers, body.subarray(pos, bodyEnd))
    pos = bodyEnd + 2
  }
}

function addPart(form: ParsedForm, headers: Map<string, string>, bytes: Uint8Array): void {
  const disposition = parseMediaType(headers.get('content-disposition') ?? '')
  if (!disposition || disposition.type !== 'form-data') return
  const name = disposition.params.get('name') ?? ''
  if (name === '') return
  const rawFilename = disposition.params.get('filename')
  // Go's Part.FileName returns filepath.Base(filename); an empty one makes a plain value.
  const filename = rawFilename ? (rawFilename.split('/').filter(Boolean).pop() ?? '/') : ''
  if (filename === '') {
    form.values.set(name, [...(form.values.get(name) ?? []), fromUtf8(bytes)])
    return
  }
  const file: FilePart = { filename, bytes: bytes.slice(), contentType: headers.get('content-type') }
  form.files.set(name, [...(form.files.get(name) ?? []), file])
}
