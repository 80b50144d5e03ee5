import { describe, expect, test } from 'vitest'
import {
  avatarEditorLocales,
  avatarEditorMessages,
  createFormatters,
  describeAvatarEditorError as describeError,
  getMessages,
  getTextDirection,
  renderMessage,
  resolveAvatarEditorLocale,
  type AvatarEditorMessages,
  type AvatarImageErrorMessageCode,
} from './index.js'

const SAMPLE_VARS = {
  types: '«types»',
  maxSize: '«maxSize»',
  percent: '«percent»',
  degrees: '«degrees»',
  detectedType: '«detectedType»',
  size: '«size»',
  width: '«width»',
  height: '«height»',
  megapixels: '«megapixels»',
  maxMegapixels: '«maxMegapixels»',
  minSide: '«minSide»',
}

/** Every message of a locale, rendered with sample variables, by key path. */
function renderAll(messages: AvatarEditorMessages): Map<string, { text: string; source: string }> {
  const out = new Map<string, { text: string; source: string }>()
  const visit = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out.set(prefix, { text: value, source: value })
    else if (typeof value === 'function') out.set(prefix, { text: value(SAMPLE_VARS) as string, source: String(value) })
    else for (const [key, nested] of Object.entries(value as object)) visit(prefix ? `${prefix}.${key}` : key, nested)
  }
  visit('', messages)
  return out
}

const { en } = avatarEditorMessages

describe('getMessages', () => {
  test.each([
    [undefined, 'en'],
    ['en-GB', 'en'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['ja-JP', 'ja'],
    ['zh-HK', 'zh-HK'],
    ['zh-TW', 'zh-HK'],
    ['zh-Hant', 'zh-HK'],
    ['zh-CN', 'en'],
    ['ar-EG', 'ar'],
    ['de', 'en'],
    ['not a locale!', 'en'],
  ])('%s resolves to %s', (locale, expected) => {
    expect(resolveAvatarEditorLocale(locale)).toBe(expected)
  })

  test('overrides replace single strings and single error sentences, the rest stays', () => {
    const messages = getMessages('fr', { save: 'Valider', errors: { empty: 'Vide !' } })
    expect(messages.save).toBe('Valider')
    expect(messages.errors.empty).toBe('Vide !')
    expect(messages.errors.corrupt).toBe(getMessages('fr').errors.corrupt)
    expect(messages.zoomLabel).toBe('Zoom')
  })

  test('an undefined override does not erase a string', () => {
    expect(getMessages('en', { save: undefined }).save).toBe('Save photo')
  })
})

// The same word in the language, not an oversight.
const SAME_WORD = new Set(['zoomLabel', 'announceZoom', 'fr:announceRotation'])

describe('translations', () => {
  const reference = renderAll(en)

  test.each(avatarEditorLocales.filter((locale) => locale !== 'en'))('%s translates every message and keeps every variable', (locale) => {
    const messages = renderAll(getMessages(locale))
    expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort())
    for (const [key, { text }] of reference) {
      const translated = messages.get(key)!.text
      expect(translated, key).not.toBe('')
      for (const placeholder of text.match(/«\w+»/g) ?? []) expect(translated, `${locale} ${key}`).toContain(placeholder)
    }
  })

  test('strings that are not bare values differ from English (nothing left untranslated)', () => {
    const same = avatarEditorLocales
      .filter((locale) => locale !== 'en')
      .flatMap((locale) =>
        [...renderAll(getMessages(locale))].filter(
          ([key, { text }]) => text === reference.get(key)!.text && !/^«\w+»$/.test(text) && !SAME_WORD.has(key) && !SAME_WORD.has(`${locale}:${key}`),
        ).map(([key]) => `${locale}:${key}`),
      )
    expect(same).toEqual([])
  })
})

describe('formatters', () => {
  const f = createFormatters('en')
  test.each([
    [500, '500 bytes'],
    [2048, '2 kB'],
    [368_640, '360 kB'],
    [10 * 1024 * 1024, '10 MB'],
    [50 * 1024 * 1024, '50 MB'],
    [13_002_342, '12.4 MB'],
  ])('%d bytes read "%s"', (bytes, text) => {
    expect(f.bytes(bytes)).toBe(text)
  })

  test('two sizes that would read the same get more digits', () => {
    expect(f.bytePair(10 * 1024 * 1024 + 40_000, 10 * 1024 * 1024)).toEqual(['10.04 MB', '10 MB'])
    expect(f.bytePair(3 * 1024 * 1024, 1024 * 1024)).toEqual(['3 MB', '1 MB'])
  })

  test('numbers, percentages, angles and lists follow the locale', () => {
    expect(f.number(6000)).toBe('6,000')
    expect(createFormatters('fr').number(6000)).toBe(new Intl.NumberFormat('fr').format(6000))
    expect(f.percent(1.5)).toBe('150%')
    expect(f.degrees(-12.5)).toBe('-12.5°')
    expect(f.degrees(-0)).toBe('0°')
    expect(f.orList(['JPEG', 'PNG', 'GIF'])).toBe('JPEG, PNG, or GIF')
    expect(createFormatters('fr').orList(['JPEG', 'PNG'])).toBe('JPEG ou PNG')
  })
})

describe('describeError', () => {
  const context = { messages: en, formatters: createFormatters('en'), acceptedTypes: ['image/jpeg', 'image/png'] }
  const cases: [AvatarImageErrorMessageCode, object, string][] = [
    ['empty', { bytes: 0 }, 'This file is empty. Choose another photo.'],
    [
      'unsupported-type',
      { detectedType: 'image/tiff', acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'] },
      'This TIFF file is not a photo the editor can use. Choose a JPEG, PNG, or WebP file.',
    ],
    ['unsupported-type', { detectedType: undefined }, 'This file is not a photo the editor can use. Choose a JPEG or PNG file.'],
    ['heic-unsupported', { detectedType: 'image/heic' }, 'HEIC photos (the iPhone format) cannot be opened here. Export the photo as JPEG or PNG first.'],
    ['svg-not-allowed', { detectedType: 'image/svg+xml' }, 'SVG drawings cannot be used as a profile photo. Choose a JPEG or PNG file.'],
    ['file-too-large', { bytes: 60 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 }, 'This file is 60 MB, over the limit of 50 MB. Choose a smaller photo.'],
    [
      'too-many-pixels',
      { width: 10_000, height: 8000, pixels: 80_000_000, maxPixels: 50_000_000 },
      'This photo is 10,000 × 8,000 pixels (80 megapixels), over the limit of 50 megapixels.',
    ],
    ['too-small', { width: 100, height: 90, minSide: 128 }, 'This photo is 100 × 90 pixels; it needs to be at least 128 × 128 pixels.'],
    ['corrupt', { detectedType: 'image/png', reason: 'no IHDR' }, 'This photo is damaged and cannot be read. Choose another photo.'],
    ['cannot-fit', { maxBytes: 2 * 1024 * 1024 }, 'The cropped photo could not be made smaller than 2 MB. Try another photo.'],
    ['decode-failed', { detectedType: 'image/jpeg' }, 'This browser could not open the photo. Try saving it as JPEG or PNG first.'],
    ['aborted', {}, 'Cancelled.'],
  ]
  test.each(cases)('%s with %o', (code, details, text) => {
    expect(describeError({ code, details }, context)).toBe(text)
  })

  test('a string is shown as given; anything else gets the generic sentence', () => {
    expect(describeError('Upload refused.', context)).toBe('Upload refused.')
    expect(describeError(new Error('boom'), context)).toBe('Something went wrong. Please try again.')
    expect(describeError({ code: 'network' }, context)).toBe('Something went wrong. Please try again.')
    expect(describeError(undefined, context)).toBe('Something went wrong. Please try again.')
  })

  test('megapixels that would round to the limit get another digit', () => {
    expect(describeError({ code: 'too-many-pixels', details: { width: 5001, height: 10_000, maxPixels: 50_000_000 } }, context)).toBe(
      'This photo is 5,001 × 10,000 pixels (50.01 megapixels), over the limit of 50 megapixels.',
    )
  })

  test('in Japanese, with Japanese list punctuation', () => {
    const ja = { ...context, messages: getMessages('ja'), formatters: createFormatters('ja') }
    expect(describeError({ code: 'too-small', details: { width: 100, height: 90, minSide: 128 } }, ja)).toBe(
      'この写真は 100 × 90 ピクセルです。128 × 128 ピクセル以上の写真が必要です。',
    )
  })
})

describe('renderMessage and direction', () => {
  test('a message is a string or a function of its variables', () => {
    expect(renderMessage('Hello')).toBe('Hello')
    expect(renderMessage(({ percent }: { percent: string }) => `Zoom ${percent}`, { percent: '150%' })).toBe('Zoom 150%')
  })

  test.each([
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['en', 'ltr'],
    ['zh-HK', 'ltr'],
    ['az-Latn', 'ltr'],
    ['garbage tag', 'ltr'],
  ])('%s is written %s', (locale, direction) => {
    expect(getTextDirection(locale)).toBe(direction)
  })
})
