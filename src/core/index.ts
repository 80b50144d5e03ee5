/**
 * `authgear-avatar-editor/core`: the framework-free Admin API client.
 * No React; runs in browsers and Node 20.
 * @packageDocumentation
 */
export { createAdminApiClient } from './client.js'
export type { AdminApiClient, AdminApiClientOptions, GetUserOptions, GraphQLRequestOptions, RequestOptions, UploadImageOptions } from './client.js'
export { AdminApiError, isAdminApiError, isRetryableByDefault } from './errors.js'
export type { AdminApiErrorCode, AdminApiErrorOptions } from './errors.js'
export { errorFromGraphQLErrors, errorFromHttpResponse } from './response-errors.js'
export type { AdminApiRoute, GraphQLErrorLike } from './response-errors.js'
export type { HeadersOption } from './http.js'
export { MAX_UPLOAD_BYTES, checkUploadImage, sniffImageType } from './image-check.js'
export type { UploadImageType } from './image-check.js'
export { isWritablePictureUrl, parseStoredImageUrl, parseUploadUrl, toDisplayableImageUrl } from './image-urls.js'
export type { UploadTarget } from './image-urls.js'
export {
  UpdateUserStandardAttributesDocument,
  UserStandardAttributesDocument,
  UserWithCustomAttributesDocument,
  adminApiOperations,
} from './operations.js'
export type {
  AdminUser,
  CustomAttributes,
  ResultOf,
  StandardAddress,
  StandardAttributes,
  TypedDocumentString,
  UpdateUserStandardAttributesResult,
  UpdateUserStandardAttributesVariables,
  UserQueryVariables,
  UserStandardAttributesResult,
  UserWithCustomAttributesResult,
  VariablesOf,
} from './operations.js'
export { backoffDelay } from './retry.js'
export type { RetryOptions } from './retry.js'
export { DERIVED_STANDARD_ATTRIBUTE_KEYS, withPicture } from './standard-attributes.js'
export { removeUserPicture, updateUserPicture } from './update-user-picture.js'
export type { RemoveUserPictureOptions, UpdateUserPictureOptions, UpdateUserPictureResult, UpdateUserPictureStage } from './update-user-picture.js'
export type { UploadTransport } from './upload.js'
export { fromUserNodeId, isUserId, toUserNodeId, userNodeIdOrNotFound } from './user-id.js'
