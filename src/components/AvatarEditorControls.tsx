import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react'
import { renderMessage } from '../i18n/index.js'
import { composeEventHandlers } from './compose.js'
import { useAvatarEditor } from './context.js'
import { FINE_ROTATION_LIMIT } from './cropGeometry.js'
import { RotateClockwiseIcon, RotateCounterclockwiseIcon, ZoomInIcon, ZoomOutIcon } from './icons.js'

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'])

// Controls stay focusable while the editor is busy (aria-disabled, not disabled):
// disabling the focused button would drop focus to <body> mid-task.

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorZoomSlider
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorZoomSlider}. */
export interface AvatarEditorZoomSliderProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Show zoom-out and zoom-in buttons either side of the slider.
   * @default true
   */
  showButtons?: boolean
}

/**
 * A labelled native range input for zoom (between the least zoom that covers
 * the frame at the current rotation and the most that keeps `outputSize`
 * source pixels), with optional -/+ buttons. Follows the page's direction.
 */
export const AvatarEditorZoomSlider = forwardRef<HTMLDivElement, AvatarEditorZoomSliderProps>(
  function AvatarEditorZoomSlider({ showButtons = true, ...props }, ref) {
    const editor = useAvatarEditor()
    const { messages, formatters, zoom, minZoom, maxZoom } = editor
    const inputId = useId()
    const off = editor.disabled || editor.image === null
    const busy = editor.busy
    const step = (direction: 1 | -1) => () => {
      editor.zoomBy(direction, 'button')
      editor.interactionEnded()
    }
    return (
      <div data-avatar-editor="zoom" {...props} ref={ref}>
        {showButtons && (
          <button
            type="button"
            data-avatar-editor="zoom-out"
            aria-label={renderMessage(messages.zoomOut)}
            title={renderMessage(messages.zoomOut)}
            disabled={off}
            aria-disabled={busy || zoom <= minZoom || undefined}
            onClick={step(-1)}
          >
            <ZoomOutIcon />
          </button>
        )}
        <label htmlFor={inputId} data-avatar-editor="zoom-label">
          {renderMessage(messages.zoomLabel)}
        </label>
        <input
          id={inputId}
          type="range"
          data-avatar-editor="zoom-slider"
          min={minZoom}
          max={maxZoom}
          step={0.01}
          value={zoom}
          disabled={off || minZoom >= maxZoom}
          aria-disabled={busy || undefined}
          aria-valuetext={renderMessage(messages.zoomValue, { percent: formatters.percent(zoom) })}
          onChange={(event) => editor.setZoom(Number(event.currentTarget.value), 'slider')}
          onPointerUp={() => editor.interactionEnded()}
          onKeyUp={(event) => SLIDER_KEYS.has(event.key) && editor.interactionEnded()}
        />
        {showButtons && (
          <button
            type="button"
            data-avatar-editor="zoom-in"
            aria-label={renderMessage(messages.zoomIn)}
            title={renderMessage(messages.zoomIn)}
            disabled={off}
            aria-disabled={busy || zoom >= maxZoom || undefined}
            onClick={step(1)}
          >
            <ZoomInIcon />
          </button>
        )}
      </div>
    )
  },
)

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorRotateControls
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorRotateControls}. */
export interface AvatarEditorRotateControlsProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Show the fine "straighten" slider (-45° to 45°) between the quarter-turn buttons.
   * @default true
   */
  showStraighten?: boolean
}

/**
 * Quarter-turn buttons and a fine rotation slider. The slider is kept
 * left-to-right in every language so that dragging right always turns the
 * photo clockwise; the buttons' arrows are physical directions and never mirror.
 * Zoom rises as needed so no empty corner shows.
 */
export const AvatarEditorRotateControls = forwardRef<HTMLDivElement, AvatarEditorRotateControlsProps>(
  function AvatarEditorRotateControls({ showStraighten = true, ...props }, ref) {
    const editor = useAvatarEditor()
    const { messages, formatters, rotationParts } = editor
    const inputId = useId()
    const off = editor.disabled || editor.image === null
    const busy = editor.busy || undefined
    const turn = (direction: 1 | -1) => () => {
      editor.rotateBy(direction, 'button')
      editor.interactionEnded()
    }
    return (
      <div data-avatar-editor="rotate" {...props} ref={ref}>
        <button
          type="button"
          data-avatar-editor="rotate-counterclockwise"
          aria-label={renderMessage(messages.rotateCounterclockwise)}
          title={renderMessage(messages.rotateCounterclockwise)}
          disabled={off}
          aria-disabled={busy}
          onClick={turn(-1)}
        >
          <RotateCounterclockwiseIcon />
        </button>
        {showStraighten && (
          <>
            <label htmlFor={inputId} data-avatar-editor="straighten-label">
              {renderMessage(messages.straightenLabel)}
            </label>
            <input
              id={inputId}
              type="range"
              dir="ltr"
              data-avatar-editor="straighten-slider"
              min={-FINE_ROTATION_LIMIT}
              max={FINE_ROTATION_LIMIT}
              step={0.5}
              value={rotationParts.fine}
              disabled={off}
              aria-disabled={busy}
              aria-valuetext={renderMessage(messages.straightenValue, { degrees: formatters.degrees(rotationParts.fine) })}
              onChange={(event) => editor.setFineRotation(Number(event.currentTarget.value), 'slider')}
              onPointerUp={() => editor.interactionEnded()}
              onKeyUp={(event) => SLIDER_KEYS.has(event.key) && editor.interactionEnded()}
            />
          </>
        )}
        <button
          type="button"
          data-avatar-editor="rotate-clockwise"
          aria-label={renderMessage(messages.rotateClockwise)}
          title={renderMessage(messages.rotateClockwise)}
          disabled={off}
          aria-disabled={busy}
          onClick={turn(1)}
        >
          <RotateClockwiseIcon />
        </button>
      </div>
    )
  },
)

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorResetButton
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorResetButton}. */
export type AvatarEditorResetButtonProps = ComponentPropsWithoutRef<'button'>

/** Undoes pan, zoom and rotation. */
export const AvatarEditorResetButton = forwardRef<HTMLButtonElement, AvatarEditorResetButtonProps>(
  function AvatarEditorResetButton({ children, onClick, ...props }, ref) {
    const editor = useAvatarEditor()
    return (
      <button
        type="button"
        data-avatar-editor="reset"
        disabled={editor.disabled || editor.image === null}
        aria-disabled={editor.busy || undefined}
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => {
          editor.reset()
          editor.interactionEnded()
        })}
      >
        {children ?? renderMessage(editor.messages.reset)}
      </button>
    )
  },
)
