'use client'

export {
  AdminApiProvider,
  useAdminApi,
  useAdminApiClient,
  type AdminApiContextValue,
  type AdminApiFetchOptions,
  type AdminApiProviderProps,
} from './AdminApiProvider.js'
export { toAdminApiError } from './combined-error.js'
export {
  adminApiKeys,
  updateUserPictureMutationOptions,
  uploadImageMutationOptions,
  uploadUrlMutationOptions,
  userQueryOptions,
  type UploadImageVariables,
} from './keys.js'
export { useSetUserPicture, useUploadImage, useUploadUrl, type SetUserPictureVariables } from './mutations.js'
export { refreshUser } from './refresh-user.js'
export {
  useUpdateUserPicture,
  type UpdateUserPictureHookStage,
  type UpdateUserPictureInput,
  type UseUpdateUserPictureOptions,
  type UseUpdateUserPictureResult,
} from './useUpdateUserPicture.js'
export { useUser, type UseUserOptions, type UseUserResult } from './useUser.js'
