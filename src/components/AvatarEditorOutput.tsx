import { forwardRef, useEffect, type ComponentPropsWithoutRef, type CSSProperties } from 'react'
import { renderMessage } from '../i18n/index.js'
import { composeEventHandlers } from './compose.js'
import { useAvatarEditor } from './context.js'
import { getRotatedBoundingBox } from '../image/index.js'
import { computeCropRect } from './cropGeometry.js'
import { Slot } from './Slot.js'

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorPreview
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorPreview}. */
export type AvatarEditorPreviewProps = ComponentPropsWithoutRef<'div'>

/**
 * A live preview of the saved square (round when the root is `round`), drawn
 * by the browser from the photo's object URL with CSS: nothing is encoded
 * until save. Its size is `--avatar-editor-preview-size` (96px by default).
 */
export const AvatarEditorPreview = forwardRef<HTMLDivElement, AvatarEditorPreviewProps>(function AvatarEditorPreview(
  { style, ...props },
  ref,
) {
  const editor = useAvatarEditor()
  const { image, crop, zoom, rotation, renderedSize, round } = editor
  if (!image) return null
  const natural = { width: image.info.width, height: image.info.height }
  const rect = computeCropRect({ crop, zoom, rotation, natural, rendered: renderedSize })
  const box = getRotatedBoundingBox(natural.width, natural.height, rotation)
  // Everything in fractions of the preview's side, so CSS can size it freely.
  const centreX = (box.width / 2 - rect.x) / rect.width
  const centreY = (box.height / 2 - rect.y) / rect.height
  const width = natural.width / rect.width
  const height = natural.height / rect.width
  const imageStyle: CSSProperties = {
    position: 'absolute',
    left: `${(centreX - width / 2) * 100}%`,
    top: `${(centreY - height / 2) * 100}%`,
    width: `${width * 100}%`,
    height: `${height * 100}%`,
    maxWidth: 'none',
    transform: `rotate(${rotation}deg)`,
  }
  return (
    <div
      role="img"
      aria-label={renderMessage(editor.messages.previewAlt)}
      data-avatar-editor="preview"
      data-round={round ? '' : undefined}
      {...props}
      ref={ref}
      style={{
        position: 'relative',
        overflow: 'hidden',
        flex: 'none',
        width: 'var(--avatar-editor-preview-size, 96px)',
        aspectRatio: '1 / 1',
        borderRadius: round ? '50%' : undefined,
        ...style,
      }}
    >
      <img src={image.url} alt="" draggable={false} style={imageStyle} />
    </div>
  )
})

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorErrorMessage
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorErrorMessage}. */
export type AvatarEditorErrorMessageProps = ComponentPropsWithoutRef<'p'>

/**
 * The current error in words (refused file, failed encoding, or the root's
 * `error`), rendered only while there is one. The triggers and the crop frame
 * point to it with `aria-describedby`; the root's live region announces it,
 * and focus stays where it was so the next try is one key away.
 */
export const AvatarEditorErrorMessage = forwardRef<HTMLParagraphElement, AvatarEditorErrorMessageProps>(
  function AvatarEditorErrorMessage({ children, ...props }, ref) {
    const editor = useAvatarEditor()
    const { registerErrorMessage } = editor
    useEffect(() => registerErrorMessage(), [registerErrorMessage])
    if (!editor.errorText) return null
    return (
      <p id={editor.ids.error} data-avatar-editor="error" {...props} ref={ref}>
        {children ?? editor.errorText}
      </p>
    )
  },
)

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorStatus
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorStatus}. */
export type AvatarEditorStatusProps = ComponentPropsWithoutRef<'p'>

/**
 * Visible progress text for checking, encoding, uploading (with a progress
 * bar when `progress` is known), saving and saved. Not a live region: the
 * root already announces these.
 */
export const AvatarEditorStatus = forwardRef<HTMLParagraphElement, AvatarEditorStatusProps>(function AvatarEditorStatus(
  { children, ...props },
  ref,
) {
  const { state, messages, formatters, progress } = useAvatarEditor()
  const percent = progress === undefined ? '' : formatters.percent(Math.min(1, Math.max(0, progress)))
  const text =
    state === 'checking'
      ? renderMessage(messages.stateChecking)
      : state === 'encoding'
        ? renderMessage(messages.stateEncoding)
        : state === 'uploading'
          ? renderMessage(messages.stateUploading, { percent })
          : state === 'saving'
            ? renderMessage(messages.stateSaving)
            : state === 'saved'
              ? renderMessage(messages.stateSaved)
              : null
  if (text === null) return null
  return (
    <p data-avatar-editor="status" data-state={state} {...props} ref={ref}>
      {children ?? text}
      {state === 'uploading' && progress !== undefined && (
        // Named without the percentage: the bar's value already says it.
        <progress data-avatar-editor="progress" value={progress} max={1} aria-label={renderMessage(messages.stateUploading, { percent: '' })} />
      )}
    </p>
  )
})

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorSaveButton
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorSaveButton}. */
export interface AvatarEditorSaveButtonProps extends ComponentPropsWithoutRef<'button'> {
  /**
   * Render the only child (e.g. your design system's button) instead of a `<button>`.
   * @default false
   */
  asChild?: boolean
}

/**
 * Encodes the crop and calls the root's `onSave`. Disabled until a photo is
 * loaded; while busy it keeps focus but ignores presses (`aria-disabled`).
 */
export const AvatarEditorSaveButton = forwardRef<HTMLButtonElement, AvatarEditorSaveButtonProps>(
  function AvatarEditorSaveButton({ asChild = false, children, onClick, ...props }, ref) {
    const editor = useAvatarEditor()
    const Component = asChild ? Slot : 'button'
    return (
      <Component
        type={asChild ? undefined : 'button'}
        data-avatar-editor="save"
        data-state={editor.state}
        disabled={editor.disabled || editor.image === null}
        aria-disabled={editor.busy || undefined}
        aria-describedby={editor.errorMessageId}
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => editor.save())}
      >
        {children ?? renderMessage(editor.messages.save)}
      </Component>
    )
  },
)
