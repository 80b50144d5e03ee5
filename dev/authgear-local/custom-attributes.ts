import type { ApiError, ValidationCause } from './api-errors.ts'
import { jsonTypes, validationError } from './standard-attributes.ts'

/**
 * The custom attributes the dev app configures (Authgear apps declare each
 * one with a type in the portal). `updateUser` replaces them whole: keys the
 * app does not declare are dropped, declared ones are type-checked.
 */
export const CUSTOM_ATTRIBUTE_TYPES = {
  department: 'string',
  employee_no: 'string',
  vip: 'boolean',
} as const satisfies Record<string, 'string' | 'boolean' | 'number'>

/**
 * The storage form of a whole `customAttributes` write, or the
 * `ValidationFailed` error Authgear answers for a wrongly typed value.
 */
export function customAttributesForWrite(input: Record<string, unknown>): Record<string, unknown> | ApiError {
  const stored: Record<string, unknown> = {}
  const causes: ValidationCause[] = []
  for (const [key, type] of Object.entries(CUSTOM_ATTRIBUTE_TYPES)) {
    if (!(key in input) || input[key] === null) continue
    const value = input[key]
    if (typeof value !== type) {
      causes.push({ location: `/${key}`, kind: 'type', details: { actual: jsonTypes(value), expected: [type] } })
      continue
    }
    stored[key] = value
  }
  return validationError(causes) ?? stored
}
