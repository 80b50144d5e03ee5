/**
 * The library's GraphQL documents for Authgear's Admin API, as typed strings.
 *
 * They are the proxy's allowlist (`authgear-avatar-editor/proxy` forwards
 * nothing else unless told to) and can be passed to urql or any GraphQL client.
 * Plain strings keep `core` free of a GraphQL parser.
 */

/**
 * A GraphQL document as a string, carrying its result and variable types the way
 * `@graphql-typed-document-node/core`'s `DocumentTypeDecoration` does.
 */
export type TypedDocumentString<TResult, TVariables> = string & {
  /** Type-only: never set at run time. */
  readonly __apiType?: (variables: TVariables) => TResult
}

/** The result type of a {@link TypedDocumentString}. */
export type ResultOf<TDocument> = TDocument extends TypedDocumentString<infer TResult, unknown> ? TResult : never
/** The variables type of a {@link TypedDocumentString}. */
export type VariablesOf<TDocument> = TDocument extends TypedDocumentString<unknown, infer TVariables> ? TVariables : never

/** A postal address inside {@link StandardAttributes} (OIDC `address` claim). */
export interface StandardAddress {
  formatted?: string
  street_address?: string
  locality?: string
  region?: string
  postal_code?: string
  country?: string
}

/**
 * A user's standard attributes as Authgear reads them back (OIDC claim names).
 * `picture` reads back as an `https://.../_images/APP/OBJECT/profile` URL.
 * Unknown keys are kept as they are.
 */
export interface StandardAttributes {
  email?: string
  email_verified?: boolean
  phone_number?: string
  phone_number_verified?: boolean
  preferred_username?: string
  family_name?: string
  given_name?: string
  middle_name?: string
  name?: string
  nickname?: string
  picture?: string
  profile?: string
  website?: string
  gender?: string
  birthdate?: string
  zoneinfo?: string
  locale?: string
  address?: StandardAddress
  updated_at?: number
  [key: string]: unknown
}

/** A user's custom attributes, as configured in the Authgear portal. */
export type CustomAttributes = Record<string, unknown>

/** The part of an Authgear user this library reads. */
export interface AdminUser {
  /** The user's global node id. */
  id: string
  /** ISO 8601 time of the last change. */
  updatedAt: string
  /** An anonymized user cannot be updated (`UserIsAnonymized`); `undefined` when not read. */
  isAnonymized?: boolean
  standardAttributes: StandardAttributes
  /** Present only when asked for. */
  customAttributes?: CustomAttributes
}

/** Result of {@link UserStandardAttributesDocument}. */
export interface UserStandardAttributesResult {
  node: { id?: string; updatedAt?: string; isAnonymized?: boolean; standardAttributes?: StandardAttributes } | null
}
/** Result of {@link UserWithCustomAttributesDocument}. */
export interface UserWithCustomAttributesResult {
  node: { id?: string; updatedAt?: string; isAnonymized?: boolean; standardAttributes?: StandardAttributes; customAttributes?: CustomAttributes } | null
}
/** Variables of the user queries: the user's node id. */
export interface UserQueryVariables {
  id: string
}

/** Result of {@link UpdateUserStandardAttributesDocument}. */
export interface UpdateUserStandardAttributesResult {
  updateUser: { user: { id: string; updatedAt: string; isAnonymized: boolean; standardAttributes: StandardAttributes } }
}
/** Variables of {@link UpdateUserStandardAttributesDocument}: the WHOLE standard attributes object (it replaces). */
export interface UpdateUserStandardAttributesVariables {
  userID: string
  standardAttributes: StandardAttributes
}

/** Reads what a picture change must write back whole. `node` is `null` for an unknown or malformed id. */
export const UserStandardAttributesDocument = /* GraphQL */ `
  query AvatarEditorUserStandardAttributes($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        updatedAt
        isAnonymized
        standardAttributes
      }
    }
  }
` as TypedDocumentString<UserStandardAttributesResult, UserQueryVariables>

/** Reads a user with its custom attributes too. */
export const UserWithCustomAttributesDocument = /* GraphQL */ `
  query AvatarEditorUserWithCustomAttributes($id: ID!) {
    node(id: $id) {
      ... on User {
        id
        updatedAt
        isAnonymized
        standardAttributes
        customAttributes
      }
    }
  }
` as TypedDocumentString<UserWithCustomAttributesResult, UserQueryVariables>

/**
 * Replaces a user's standard attributes. Passed as a variable because the
 * attributes are a JSON scalar; `customAttributes` is deliberately absent.
 */
export const UpdateUserStandardAttributesDocument = /* GraphQL */ `
  mutation AvatarEditorUpdateUserStandardAttributes($userID: ID!, $standardAttributes: UserStandardAttributes!) {
    updateUser(input: { userID: $userID, standardAttributes: $standardAttributes }) {
      user {
        id
        updatedAt
        isAnonymized
        standardAttributes
      }
    }
  }
` as TypedDocumentString<UpdateUserStandardAttributesResult, UpdateUserStandardAttributesVariables>

/** Every GraphQL document the library sends: the reference proxy's default allowlist. */
export const adminApiOperations: readonly string[] = [
  UserStandardAttributesDocument,
  UserWithCustomAttributesDocument,
  UpdateUserStandardAttributesDocument,
]
