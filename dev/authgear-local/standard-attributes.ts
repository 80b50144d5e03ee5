import { validationFailed, type ApiError, type ValidationCause } from './api-errors.ts'
import { goCleanPath, goFormatValue, goParseUrl, goQuote } from './go-compat.ts'

/**
 * Authgear's standard attributes: the JSON schema it validates writes with
 * (`stdattrs.Validate`), the derived keys it drops on write, and the
 * `picture` transform between storage form (`authgearimages:///APP/OBJECT`)
 * and representation form (`<origin>/_images/APP/OBJECT/profile`).
 */

/** The keys `updateUser` accepts in `standardAttributes`. */
export const STANDARD_ATTRIBUTE_KEYS = [
  'email', 'phone_number', 'preferred_username', 'family_name', 'given_name', 'middle_name', 'name', 'nickname',
  'picture', 'profile', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'address',
] as const

/** The keys of `address`. */
export const ADDRESS_KEYS = ['formatted', 'street_address', 'locality', 'region', 'postal_code', 'country'] as const

/** Keys Authgear adds on read and ignores on write. */
export const DERIVED_KEYS = ['email_verified', 'phone_number_verified', 'updated_at'] as const

type Format = 'email' | 'phone' | 'x_picture' | 'uri' | 'birthdate' | 'timezone' | 'bcp47'

// `undefined`: a plain string with minLength 1.
const FORMATS: Partial<Record<string, Format>> = {
  email: 'email',
  phone_number: 'phone',
  picture: 'x_picture',
  profile: 'uri',
  website: 'uri',
  birthdate: 'birthdate',
  zoneinfo: 'timezone',
  locale: 'bcp47',
}

/** JSON-schema type names of a value, as Authgear's validator reports them. */
export function jsonTypes(value: unknown): string[] {
  if (value === null) return ['null']
  if (Array.isArray(value)) return ['array']
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number']
  return [typeof value === 'object' ? 'object' : typeof value]
}

const pointer = (...segments: string[]): string =>
  segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')

// --- formats (messages as Authgear's Go checkers word them) ---

function checkEmail(value: string): string | undefined {
  const prefix = 'invalid email address: '
  const angle = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(value)
  if (angle) {
    // "Name <addr>" parses in Go, but Authgear wants the bare address.
    if (angle[1] !== '') return 'input email must not have name'
    value = angle[2] as string
  }
  if (!value.includes('@')) return `${prefix}mail: missing '@' or angle-addr`
  const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
  const dotAtom = new RegExp(`^${atom}(\\.${atom})*$`)
  const at = value.lastIndexOf('@')
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (!dotAtom.test(local) && !/^"[^"\\]*"$/.test(local)) return `${prefix}mail: invalid string`
  if (!dotAtom.test(domain) && !/^\[[^\]]*\]$/.test(domain)) return `${prefix}mail: invalid string`
  return undefined
}

function checkPhone(value: string): string | undefined {
  if (!/^\+\d+$/.test(value)) return 'not in E.164 format'
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return 'invalid phone number'
  return undefined
}

function checkAbsolutePath(path: string): string | undefined {
  const value = path === '' ? '/' : path
  let cleaned = goCleanPath(value)
  if (value.endsWith('/') && !cleaned.endsWith('/')) cleaned += '/'
  if (!value.startsWith('/') || cleaned !== value) return `invalid path: ${value}`
  return undefined
}

function checkUri(value: string): string | undefined {
  const url = goParseUrl(value)
  if (!url) return `parse ${goQuote(value)}: invalid URI`
  if (url.scheme === '' || url.host === '') return 'input URL must be absolute'
  return checkAbsolutePath(url.path)
}

/** Authgear's `x_picture` format: http(s) absolute, or `authgearimages:` without host and with a clean path. */
function checkPicture(value: string): string | undefined {
  const url = goParseUrl(value)
  if (!url) return `parse ${goQuote(value)}: invalid URI`
  switch (url.scheme) {
    case 'http':
    case 'https':
      return checkUri(value)
    case 'authgearimages':
      if (url.host !== '') return 'authgearimages URI does not have host'
      return checkAbsolutePath(url.path)
    default:
      return `invalid scheme: ${url.scheme}`
  }
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

function checkBirthdate(value: string): string | undefined {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined
  // Go's layouts "0000-01-02" and "--01-02": a date without a year.
  match = /^(?:0000|-)-(\d{2})-(\d{2})$/.exec(value)
  if (match && isValidDate(2000, Number(match[1]), Number(match[2]))) return undefined
  if (/^\d{4}$/.test(value)) return undefined
  return `invalid birthdate: ${goQuote(value)}`
}

function checkTimezone(value: string): string | undefined {
  if (!value.includes('/')) return `valid timezone name has at least 1 slash: ${goQuote(value)}`
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return undefined
  } catch {
    return `invalid timezone name: unknown time zone ${value}`
  }
}

function checkBcp47(value: string): string | undefined {
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(value)[0] as string
  } catch {
    return 'invalid BCP 47 tag: language: tag is not well-formed'
  }
  if (canonical !== value) return `non-canonical BCP 47 tag: ${value} != ${canonical}`
  return undefined
}

const CHECKERS: Record<Format, (value: string) => string | undefined> = {
  email: checkEmail,
  phone: checkPhone,
  x_picture: checkPicture,
  uri: checkUri,
  birthdate: checkBirthdate,
  timezone: checkTimezone,
  bcp47: checkBcp47,
}

function checkString(location: string, value: unknown, format: Format | undefined, causes: ValidationCause[]): void {
  if (typeof value !== 'string') {
    causes.push({ location, kind: 'type', details: { actual: jsonTypes(value), expected: ['string'] } })
    return
  }
  if (!format) {
    const length = [...value].length
    if (length < 1) causes.push({ location, kind: 'minLength', details: { actual: length, expected: 1 } })
    return
  }
  const error = CHECKERS[format](value)
  if (error) causes.push({ location, kind: 'format', details: { error, format } })
}

/** Every violation of Authgear's standard-attributes schema, ordered by location. */
export function standardAttributeViolations(attributes: Record<string, unknown>): ValidationCause[] {
  const causes: ValidationCause[] = []
  for (const [key, value] of Object.entries(attributes)) {
    const location = pointer(key)
    if (!(STANDARD_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
      // additionalProperties: false fails as a `false` schema, which has no keyword.
      causes.push({ location, kind: '' })
    } else if (key === 'address') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        causes.push({ location, kind: 'type', details: { actual: jsonTypes(value), expected: ['object'] } })
        continue
      }
      for (const [part, partValue] of Object.entries(value as Record<string, unknown>)) {
        // address allows extra keys; only the six known ones are checked.
        if ((ADDRESS_KEYS as readonly string[]).includes(part)) checkString(pointer(key, part), partValue, undefined, causes)
      }
    } else {
      checkString(location, value, FORMATS[key], causes)
    }
  }
  return causes.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0))
}

/** The text of Go's `validation.AggregatedError.Error()`, which graphql-go shows as the message. */
export function aggregatedErrorText(message: string, causes: readonly ValidationCause[]): string {
  const lines = causes.map((cause) => {
    const location = cause.location === '' ? '<root>' : cause.location
    if (!cause.details) return `${location}: ${cause.kind}`
    return `${location}: ${cause.kind}\n  ${goFormatValue(cause.details)}`
  })
  return [`${message}:`, ...lines].join('\n')
}

/** `Invalid`/`ValidationFailed` for a failed schema check, or `undefined` when there is nothing to report. */
export function validationError(causes: ValidationCause[]): ApiError | undefined {
  if (causes.length === 0) return undefined
  return validationFailed('invalid value', causes, aggregatedErrorText('invalid value', causes))
}

/** Drops the derived keys (`email_verified`, `phone_number_verified`, `updated_at`). */
export function withoutDerivedAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...attributes }
  for (const key of DERIVED_KEYS) delete copy[key]
  return copy
}

/**
 * The write-side `picture` transform: an http(s) URL on this server's host
 * pointing into `/_images/APP/OBJECT/...` becomes `authgearimages:///APP/OBJECT`;
 * anything else is kept as given. Throws (a plain error, as Go would return)
 * for a URL Go cannot parse.
 */
export function pictureToStorageForm(value: unknown, serverHost: string): unknown {
  if (typeof value !== 'string') return value
  const url = goParseUrl(value)
  if (!url) throw new Error(`parse ${goQuote(value)}: invalid URL`)
  if (url.scheme !== 'http' && url.scheme !== 'https') return value
  if (url.host !== serverHost) return value
  const parts = url.path.split('/')
  const index = parts.lastIndexOf('_images')
  if (index === -1) return value
  const app = parts[index + 1]
  const object = parts[index + 2]
  if (app === undefined || object === undefined) {
    // Go indexes past the end of the slice here and the resolver panics.
    throw new Error(`runtime error: index out of range [${index + 2}] with length ${parts.length}`)
  }
  return `authgearimages://${goCleanPath(`/${app}/${object}`)}`
}

/** The read-side `picture` transform: `authgearimages:///APP/OBJECT` to `<origin>/_images/APP/OBJECT/profile`. */
export function pictureToRepresentationForm(value: unknown, origin: string): unknown {
  if (typeof value !== 'string') return value
  const url = goParseUrl(value)
  if (!url || url.scheme !== 'authgearimages') return value
  return `${origin}${goCleanPath(`/_images/${url.path}/profile`)}`
}

/** `formattedName`: the full name, else given/middle/family joined, else the nickname. */
export function formattedName(attributes: Record<string, unknown>): string | null {
  const text = (key: string): string | undefined => {
    const value = attributes[key]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const name = text('name')
  if (name) return name
  const parts = [text('given_name'), text('middle_name'), text('family_name')].filter(Boolean)
  if (parts.length > 0) return parts.join(' ')
  return text('nickname') ?? null
}
