/** Locale-aware formatting of the numbers that appear in the editor's messages. */
export interface AvatarEditorFormatters {
  /** The locale the formatters were made for. */
  readonly locale: string
  /**
   * A byte count in kB or MB, labelled by `Intl` but counted in binary
   * multiples (1 MB = 1,048,576 bytes), as upload limits are set: Authgear's
   * 10 MiB reads "10 MB", not "10.5 MB".
   */
  bytes(bytes: number): string
  /**
   * Two byte counts at a precision that tells them apart, so a file just
   * over a limit never reads "10 MB, over the limit of 10 MB".
   */
  bytePair(a: number, b: number): [string, string]
  /** A plain number: `"6,000"`. */
  number(value: number): string
  /** A ratio as a percentage: `1.5` → `"150%"`. */
  percent(ratio: number): string
  /** An angle: `"-12.5°"`. */
  degrees(value: number): string
  /** Alternatives: `"JPEG, PNG, or GIF"`. */
  orList(items: readonly string[]): string
}

const KILO = 1024
const MEGA = 1024 * 1024

/** Makes the {@link AvatarEditorFormatters} of one locale. */
export function createFormatters(locale: string): AvatarEditorFormatters {
  const numberFormat = new Intl.NumberFormat(locale)
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const degreeFormat = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'degree',
    unitDisplay: 'narrow',
    maximumFractionDigits: 1,
  })
  const listFormat = new Intl.ListFormat(locale, { type: 'disjunction' })

  const bytesAt = (bytes: number, extraDigits: number): string => {
    const [unit, divisor, digits] =
      bytes >= MEGA ? (['megabyte', MEGA, 1] as const) : bytes >= KILO ? (['kilobyte', KILO, 0] as const) : (['byte', 1, 0] as const)
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: divisor === 1 ? 'long' : 'short',
      maximumFractionDigits: divisor === 1 ? 0 : digits + extraDigits,
    }).format(bytes / divisor)
  }

  return {
    locale,
    bytes: (bytes) => bytesAt(bytes, 0),
    bytePair(a, b) {
      for (let extra = 0; extra < 3; extra++) {
        const pair: [string, string] = [bytesAt(a, extra), bytesAt(b, extra)]
        if (pair[0] !== pair[1] || a === b) return pair
      }
      // Still equal at a kilobyte's thousandth: show exact bytes.
      const exact = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' })
      return [exact.format(a), exact.format(b)]
    },
    number: (value) => numberFormat.format(value),
    percent: (ratio) => percentFormat.format(ratio),
    degrees: (value) => degreeFormat.format(Object.is(value, -0) ? 0 : value),
    orList: (items) => listFormat.format(items),
  }
}

const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/svg+xml': 'SVG',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'application/pdf': 'PDF',
}

/** A MIME type as people name the format: `image/jpeg` → `JPEG`; unknown types give their subtype in capitals. */
export function imageTypeName(mimeType: string): string {
  const known = TYPE_NAMES[mimeType.toLowerCase()]
  if (known) return known
  const subtype = mimeType.split('/')[1] ?? mimeType
  return subtype.replace(/^x-/, '').split('+')[0]!.toUpperCase()
}
