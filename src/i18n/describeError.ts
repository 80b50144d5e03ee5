import { imageTypeName, type AvatarEditorFormatters } from './format.js'
import { renderMessage } from './render.js'
import type { AvatarEditorMessages, AvatarImageErrorMessageCode } from './types.js'

/** The shape of an `AvatarImageError` this module reads (kept structural so i18n needs no image code). */
export interface ImageErrorLike {
  code: string
  details?: {
    bytes?: number
    maxBytes?: number
    width?: number
    height?: number
    maxPixels?: number
    minSide?: number
    detectedType?: string
    acceptedTypes?: readonly string[]
  }
}

function isImageErrorLike(error: unknown): error is ImageErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

function hasMessageFor(messages: AvatarEditorMessages, code: string): code is AvatarImageErrorMessageCode {
  return Object.prototype.hasOwnProperty.call(messages.errors, code)
}

/** What the editor needs to put an error into words. */
export interface DescribeErrorContext {
  messages: AvatarEditorMessages
  formatters: AvatarEditorFormatters
  /** MIME types the editor accepts, listed in messages that suggest another format. */
  acceptedTypes: readonly string[]
}

/**
 * One localized sentence for any error the editor may show: an
 * `AvatarImageError` (by `code`, with its numbers formatted), a string (shown
 * as it is: the caller localized it), or anything else (the generic message).
 */
export function describeAvatarEditorError(error: unknown, { messages, formatters: f, acceptedTypes }: DescribeErrorContext): string {
  if (typeof error === 'string') return error
  if (!isImageErrorLike(error) || !hasMessageFor(messages, error.code)) return renderMessage(messages.errorGeneric)
  const details = error.details ?? {}
  const types = f.orList(uniqueTypeNames(details.acceptedTypes ?? acceptedTypes))
  switch (error.code) {
    case 'unsupported-type':
      return renderMessage(messages.errors['unsupported-type'], {
        types,
        detectedType: details.detectedType ? imageTypeName(details.detectedType) : '',
      })
    case 'heic-unsupported':
    case 'svg-not-allowed':
      return renderMessage(messages.errors[error.code], { types })
    case 'file-too-large': {
      const [size, maxSize] = f.bytePair(details.bytes ?? 0, details.maxBytes ?? 0)
      return renderMessage(messages.errors['file-too-large'], { size, maxSize })
    }
    case 'too-many-pixels': {
      const width = details.width ?? 0
      const height = details.height ?? 0
      const [megapixels, maxMegapixels] = megapixelPair(f, width * height, details.maxPixels ?? 0)
      return renderMessage(messages.errors['too-many-pixels'], {
        width: f.number(width),
        height: f.number(height),
        megapixels,
        maxMegapixels,
      })
    }
    case 'too-small':
      return renderMessage(messages.errors['too-small'], {
        width: f.number(details.width ?? 0),
        height: f.number(details.height ?? 0),
        minSide: f.number(details.minSide ?? 0),
      })
    case 'cannot-fit':
      return renderMessage(messages.errors['cannot-fit'], { maxSize: f.bytes(details.maxBytes ?? 0) })
    default:
      return renderMessage(messages.errors[error.code], {})
  }
}

function uniqueTypeNames(types: readonly string[]): string[] {
  return [...new Set(types.map(imageTypeName))]
}

/** Megapixels at one decimal, or more when one decimal would make both numbers read the same. */
function megapixelPair(f: AvatarEditorFormatters, pixels: number, maxPixels: number): [string, string] {
  for (let digits = 1; digits <= 6; digits++) {
    const scale = 10 ** digits
    const pair: [string, string] = [
      f.number(Math.round((pixels / 1e6) * scale) / scale),
      f.number(Math.round((maxPixels / 1e6) * scale) / scale),
    ]
    if (pair[0] !== pair[1] || pixels === maxPixels) return pair
  }
  return [f.number(pixels / 1e6), f.number(maxPixels / 1e6)]
}
