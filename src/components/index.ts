'use client'

export { AvatarEditor, type AvatarEditorProps } from './AvatarEditor.js'
export { AvatarEditorRoot, type AvatarEditorRootProps } from './AvatarEditorRoot.js'
export {
  AvatarEditorDropZone,
  AvatarEditorFileTrigger,
  type AvatarEditorDropZoneProps,
  type AvatarEditorFileTriggerProps,
} from './AvatarEditorIntake.js'
export { AvatarEditorCropper, type AvatarEditorCropperProps } from './AvatarEditorCropper.js'
export {
  AvatarEditorResetButton,
  AvatarEditorRotateControls,
  AvatarEditorZoomSlider,
  type AvatarEditorResetButtonProps,
  type AvatarEditorRotateControlsProps,
  type AvatarEditorZoomSliderProps,
} from './AvatarEditorControls.js'
export {
  AvatarEditorErrorMessage,
  AvatarEditorPreview,
  AvatarEditorSaveButton,
  AvatarEditorStatus,
  type AvatarEditorErrorMessageProps,
  type AvatarEditorPreviewProps,
  type AvatarEditorSaveButtonProps,
  type AvatarEditorStatusProps,
} from './AvatarEditorOutput.js'
export {
  useAvatarEditor,
  type AvatarEditorChangeSource,
  type AvatarEditorContextValue,
  type AvatarEditorImage,
  type AvatarEditorState,
  type AvatarEditorSaveStatus,
} from './context.js'
export { ZOOM_STEP as avatarEditorZoomStep, type AvatarEditorOptions, type AvatarEditorResult } from './useAvatarEditorState.js'
export { useControllableState, type UseControllableStateParams } from './useControllableState.js'
export type {
  CropRect as AvatarEditorCropRect,
  Point as AvatarEditorPoint,
  RotationParts as AvatarEditorRotationParts,
  Size as AvatarEditorSize,
} from './cropGeometry.js'
export { UserPictureEditor, type UserPictureEditorProps } from './UserPictureEditor.js'
