import { ar } from './locales/ar.js'
import { en } from './locales/en.js'
import { es } from './locales/es.js'
import { fr } from './locales/fr.js'
import { ja } from './locales/ja.js'
import { zhHK } from './locales/zh-HK.js'
import type { AvatarEditorMessageOverrides, AvatarEditorMessages } from './types.js'

/** The locales that ship with messages. */
export const avatarEditorLocales = ['en', 'zh-HK', 'ja', 'es', 'fr', 'ar'] as const

/** A locale that ships with messages. */
export type AvatarEditorLocale = (typeof avatarEditorLocales)[number]

/** The shipped messages of each locale, complete; prefer {@link getMessages}, which also resolves tags. */
export const avatarEditorMessages: Readonly<Record<AvatarEditorLocale, AvatarEditorMessages>> = Object.freeze({
  en,
  'zh-HK': zhHK,
  ja,
  es,
  fr,
  ar,
})

// Scripts written right to left; a locale's script comes from `Intl.Locale#maximize()`.
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'])

function parseLocale(locale: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(locale)
  } catch {
    return undefined
  }
}

/**
 * The shipped locale that best serves `locale`: its language (`fr-CA` → `fr`),
 * Traditional Chinese for any `zh-Hant` (`zh-TW`, `zh-MO`), and `en` otherwise
 * (Simplified Chinese included: we ship no Simplified translation yet).
 */
export function resolveAvatarEditorLocale(locale: string | undefined): AvatarEditorLocale {
  const parsed = locale ? parseLocale(locale) : undefined
  if (!parsed) return 'en'
  const language = parsed.language
  if (language === 'zh') return parsed.maximize().script === 'Hant' ? 'zh-HK' : 'en'
  return (avatarEditorLocales as readonly string[]).includes(language) ? (language as AvatarEditorLocale) : 'en'
}

/**
 * The complete messages for `locale`, with `overrides` laid over them
 * (`errors` merges code by code, so one sentence can be replaced alone).
 *
 * @param locale - a BCP 47 tag; unknown or missing tags fall back to English.
 */
export function getMessages(locale?: string, overrides?: AvatarEditorMessageOverrides): AvatarEditorMessages {
  return layOverrides(avatarEditorMessages[resolveAvatarEditorLocale(locale)], overrides)
}

/**
 * `overrides` laid over a locale's complete messages: `errors` merges code by
 * code, and an `undefined` entry keeps the shipped sentence.
 */
export function layOverrides<T extends { errors: object }>(base: T, overrides: (Partial<Omit<T, 'errors'>> & { errors?: Partial<T['errors']> }) | undefined): T {
  if (!overrides) return base
  const { errors, ...rest } = overrides
  return { ...base, ...dropUndefined(rest), errors: { ...base.errors, ...dropUndefined(errors ?? {}) } }
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** `'rtl'` for locales written right to left (Arabic, Hebrew, Persian, Urdu, ...), else `'ltr'`. */
export function getTextDirection(locale: string): 'ltr' | 'rtl' {
  const script = parseLocale(locale)?.maximize().script
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr'
}
