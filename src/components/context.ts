import { createContext, useContext } from 'react'
import type { AvatarEditorFormatters, AvatarEditorMessages } from '../i18n/index.js'
import type { ImageInfo, ImageRules } from '../image/index.js'
import type { Point, RotationParts, Size } from './cropGeometry.js'

/**
 * Where the editor is, as `data-state` on the root:
 * - `empty`: no photo yet; `checking`: a file is being inspected;
 * - `ready`: a photo can be cropped and saved; `invalid`: the last file (or its
 *   encoding) was refused; the previous photo, if any, stays;
 * - `encoding`: the crop is being encoded for `onSave`;
 * - `uploading`, `saving`, `saved`, `error`: driven from outside through the
 *   root's `status` and `error` props.
 */
export type AvatarEditorState =
  | 'empty'
  | 'checking'
  | 'ready'
  | 'invalid'
  | 'encoding'
  | 'uploading'
  | 'saving'
  | 'saved'
  | 'error'

/** The states an outside driver (such as `UserPictureEditor`) sets through the root's `status` prop. */
export type AvatarEditorSaveStatus = 'idle' | 'uploading' | 'saving' | 'saved' | 'error'

/** What caused a zoom or rotation change; decides whether it is announced. */
export type AvatarEditorChangeSource = 'slider' | 'button' | 'keyboard' | 'cropper' | 'reset'

/** The photo being edited. */
export interface AvatarEditorImage {
  /** The file as picked, dropped or pasted. */
  file: Blob
  /** What `inspectImage` read from its header. */
  info: ImageInfo
  /** An object URL of `file` (revoked when the photo is replaced or the editor unmounts). */
  url: string
}

/** Everything the parts share; read it in custom parts with {@link useAvatarEditor}. */
export interface AvatarEditorContextValue {
  state: AvatarEditorState
  /** The root's `disabled` prop. */
  disabled: boolean
  /** Work is in progress (checking, encoding, uploading, saving): controls ignore input but keep focus. */
  busy: boolean
  image: AvatarEditorImage | null
  /** The error to show, in words, or `null`. */
  errorText: string | null
  /**
   * `ids.error` while the error is shown by a mounted `ErrorMessage`, else
   * `undefined`: what the triggers put in `aria-describedby`, so a custom
   * layout without `ErrorMessage` never points at a missing element.
   */
  errorMessageId: string | undefined
  /** Called by `ErrorMessage` on mount; returns its unregister function. */
  registerErrorMessage(): () => void
  /** Upload progress from 0 to 1, when the driver knows it. */
  progress: number | undefined
  locale: string
  messages: AvatarEditorMessages
  formatters: AvatarEditorFormatters
  rules: ImageRules
  round: boolean
  ids: { root: string; error: string; cropperInstructions: string; dropZoneInstructions: string }
  crop: Point
  zoom: number
  rotation: number
  rotationParts: RotationParts
  minZoom: number
  maxZoom: number
  /** The photo's size on screen at zoom 1, once the cropper has measured it. */
  renderedSize: Size | null
  setCrop(crop: Point, source?: AvatarEditorChangeSource): void
  /**
   * Sets the zoom, keeping the photo's point under `focus` (screen pixels from
   * the frame's centre) in place; about the centre when `focus` is absent.
   */
  setZoom(zoom: number, source: AvatarEditorChangeSource, focus?: Point): void
  /** Zooms one step in (`1`) or out (`-1`). */
  zoomBy(direction: 1 | -1, source: AvatarEditorChangeSource): void
  /** Turns a quarter turn clockwise (`1`) or counterclockwise (`-1`). */
  rotateBy(quarterTurns: 1 | -1, source: AvatarEditorChangeSource): void
  /** Sets the fine angle (-45..45) on top of the current quarter turn. */
  setFineRotation(degrees: number, source: AvatarEditorChangeSource): void
  reset(): void
  setRenderedSize(size: Size): void
  /** A pointer, wheel or key gesture started in the cropper. */
  interactionStarted(): void
  /** A gesture ended: the crop is committed (`onCropComplete`). */
  interactionEnded(): void
  openFilePicker(): void
  acceptFile(file: Blob | null | undefined): void
  save(): void
  dragging: boolean
  setDragging(dragging: boolean): void
  /**
   * Set each time a photo is accepted: the cropper takes focus once loaded,
   * unless the user has moved focus on since (`from` is where it was then).
   */
  cropperFocusRequest: { id: number; from: Element | null }
  cropperStyles: { inject: boolean; nonce: string | undefined }
}

/** Carries the root's state to its parts; read it through {@link useAvatarEditor}. */
export const AvatarEditorContext = createContext<AvatarEditorContextValue | null>(null)

/**
 * The state and actions of the surrounding `<AvatarEditor.Root>`, for building
 * custom parts.
 * @throws when used outside `<AvatarEditor.Root>`.
 */
export function useAvatarEditor(): AvatarEditorContextValue {
  const context = useContext(AvatarEditorContext)
  if (!context) throw new Error('AvatarEditor parts must be rendered inside <AvatarEditor.Root>.')
  return context
}
