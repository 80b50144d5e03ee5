import { ApiError, userIsAnonymized, userNotFound } from './api-errors.ts'
import { customAttributesForWrite } from './custom-attributes.ts'
import { toUserNodeId } from './node-id.ts'
import {
  formattedName,
  pictureToRepresentationForm,
  pictureToStorageForm,
  standardAttributeViolations,
  validationError,
  withoutDerivedAttributes,
} from './standard-attributes.ts'
import type { UserIdentities, UserRecord, UsersDatabase } from './users-db.ts'

/** What reading and writing a user needs to know about the server. */
export interface ProfileContext {
  users: UsersDatabase
  /** `scheme://host[:port]` pictures are read back on. */
  origin: string
  now: () => number
}

const IDENTITY_AWARE_KEYS = ['email', 'phone_number', 'preferred_username'] as const

/**
 * `standardAttributes` as the Admin API returns them: `picture` in https
 * form, plus the derived `email_verified`, `phone_number_verified` and
 * `updated_at` (unix seconds).
 */
export function standardAttributesForRead(user: UserRecord, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(user.standardAttributes)) {
    out[key] = key === 'picture' ? pictureToRepresentationForm(value, origin) : value
    if (key === 'email') out.email_verified = typeof value === 'string' && (user.verifiedClaims.email ?? []).includes(value)
    if (key === 'phone_number') {
      out.phone_number_verified = typeof value === 'string' && (user.verifiedClaims.phone_number ?? []).includes(value)
    }
  }
  out.updated_at = Math.floor(user.updatedAt / 1000)
  return out
}

/** A user as the GraphQL `User` type resolves it. */
export interface UserView {
  __typename: 'User'
  id: string
  createdAt: string
  updatedAt: string
  lastLoginAt: string | null
  standardAttributes: Record<string, unknown>
  customAttributes: Record<string, unknown>
  formattedName: string | null
  endUserAccountID: string | null
  isAnonymized: boolean
  isAnonymous: boolean
  isDisabled: boolean
  isDeactivated: boolean
  disableReason: string | null
}

/** Go's RFC 3339 with nanoseconds: the fraction only when there is one, trailing zeros trimmed. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'))
}
const iso = rfc3339

export function userView(user: UserRecord, origin: string): UserView {
  const attributes = user.standardAttributes
  const accountId = ['email', 'preferred_username', 'phone_number']
    .map((key) => attributes[key])
    .find((value): value is string => typeof value === 'string' && value !== '')
  return {
    __typename: 'User',
    id: toUserNodeId(user.id),
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    lastLoginAt: user.lastLoginAt === null ? null : iso(user.lastLoginAt),
    standardAttributes: standardAttributesForRead(user, origin),
    customAttributes: { ...user.customAttributes },
    formattedName: formattedName(attributes),
    endUserAccountID: accountId ?? null,
    isAnonymized: user.isAnonymized,
    isAnonymous: user.isAnonymous,
    isDisabled: user.isDisabled,
    isDeactivated: user.isDeactivated,
    disableReason: user.disableReason,
  }
}

function ownedValues(identities: UserIdentities, key: (typeof IDENTITY_AWARE_KEYS)[number]): string[] {
  return identities[key] ?? []
}

/**
 * `UpdateStandardAttributes`: drop derived keys, turn an https picture of this
 * server back into storage form, validate the whole object, refuse login ids
 * the user does not own, store it (replacing every key), then put back the
 * login-id attributes the user's identities imply.
 */
function writeStandardAttributes(user: UserRecord, input: Record<string, unknown>, serverHost: string): void {
  const attributes = withoutDerivedAttributes(input)
  if ('picture' in attributes) attributes.picture = pictureToStorageForm(attributes.picture, serverHost)

  const error = validationError(standardAttributeViolations(attributes))
  if (error) throw error

  for (const key of IDENTITY_AWARE_KEYS) {
    const value = attributes[key]
    // A plain Go error in Authgear: it reaches GraphQL without errorName/reason.
    if (typeof value === 'string' && !ownedValues(user.identities, key).includes(value)) throw new Error(`unowned ${key}: ${value}`)
  }

  for (const key of IDENTITY_AWARE_KEYS) {
    const owned = ownedValues(user.identities, key)
    if (typeof attributes[key] !== 'string' && owned.length > 0) attributes[key] = owned[0]
  }
  user.standardAttributes = attributes
}

/**
 * `updateUser`'s effect (Authgear's `UpdateUserProfile`): refuse unknown and
 * anonymized users, then replace `standardAttributes` and/or
 * `customAttributes` whole when given (a non-object is ignored, as the Go
 * type assertion does). `updatedAt` moves whenever something was written.
 */
export function updateUserProfile(
  context: ProfileContext,
  userId: string,
  standardAttributes: unknown,
  customAttributes: unknown,
): UserRecord {
  const user = context.users.get(userId)
  if (!user) throw userNotFound()
  if (user.isAnonymized) throw userIsAnonymized()

  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
  let written = false
  if (isObject(standardAttributes)) {
    writeStandardAttributes(user, standardAttributes, new URL(context.origin).host)
    written = true
  }
  if (isObject(customAttributes)) {
    const stored = customAttributesForWrite(customAttributes)
    if (stored instanceof ApiError) throw stored
    user.customAttributes = stored
    written = true
  }
  if (written) {
    user.updatedAt = context.now()
    context.users.put(user)
  }
  return user
}
