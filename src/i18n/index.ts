export type {
  AvatarEditorMessageOverrides,
  AvatarEditorMessages,
  AvatarImageErrorMessageCode,
  AvatarImageErrorMessages,
  AvatarImageErrorVars,
  Message as AvatarEditorMessage,
} from './types.js'
export { renderMessage } from './render.js'
export { createFormatters, imageTypeName, type AvatarEditorFormatters } from './format.js'
export { describeAvatarEditorError, type DescribeErrorContext, type ImageErrorLike } from './describeError.js'
export {
  avatarEditorLocales,
  avatarEditorMessages,
  getMessages,
  getTextDirection,
  resolveAvatarEditorLocale,
  type AvatarEditorLocale,
} from './getMessages.js'
export {
  getUserPictureEditorMessages,
  userPictureEditorMessages,
  type UserPictureEditorMessageOverrides,
  type UserPictureEditorMessages,
  type UserPictureErrorCode,
} from './user-picture.js'
