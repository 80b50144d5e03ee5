import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef, type HTMLAttributes, type RefObject, type TouchEvent } from 'react'
import Cropper from 'react-easy-crop'
import { renderMessage } from '../i18n/index.js'
import { composeEventHandlers } from './compose.js'
import { useAvatarEditor } from './context.js'
import type { Point } from './cropGeometry.js'
import { visuallyHidden } from './visuallyHidden.js'

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorCropper
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorCropper}. */
export interface AvatarEditorCropperProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Show the rule-of-thirds grid in the crop frame.
   * @default true
   */
  showGrid?: boolean
  /**
   * Pixels an arrow key moves the photo (Shift moves a fifth of it).
   * @default 10
   */
  keyboardStep?: number
}

/**
 * The square crop frame over the photo (react-easy-crop), rendered once a
 * photo is loaded. Drag or use the arrow keys to move, pinch (about the
 * fingers) or Ctrl/⌘ + wheel (about the pointer) to zoom. A plain wheel
 * scrolls the page: the editor takes focus after every accepted file, so
 * zooming "when focused" would capture the scroll of anyone who just picked a
 * photo; trackpad pinches arrive as Ctrl + wheel and still zoom.
 *
 * Fills its width as a square unless styled otherwise; takes focus when a photo
 * is accepted.
 */
export const AvatarEditorCropper = forwardRef<HTMLDivElement, AvatarEditorCropperProps>(function AvatarEditorCropper(
  { showGrid = true, keyboardStep = 10, style, onTouchStartCapture, onTouchMoveCapture, onTouchEndCapture, onTouchCancelCapture, ...props },
  ref,
) {
  const editor = useAvatarEditor()
  const { image, messages, ids, renderedSize, cropperFocusRequest } = editor
  const cropArea = useRef<RefObject<HTMLDivElement | null> | null>(null)
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null)
  const handledFocusRequest = useRef(0)
  // react-easy-crop zooms a pinch about the photo's centre; we zoom about the fingers.
  const pinchFocus = useRef<Point | null>(null)
  const trackPinch = (event: TouchEvent<HTMLDivElement>) => {
    const [a, b] = [event.touches[0], event.touches[1]]
    if (event.touches.length !== 2 || !a || !b) {
      pinchFocus.current = null
      return
    }
    const box = event.currentTarget.getBoundingClientRect()
    pinchFocus.current = { x: (a.clientX + b.clientX) / 2 - box.left - box.width / 2, y: (a.clientY + b.clientY) / 2 - box.top - box.height / 2 }
  }
  const interactive = !editor.disabled && !editor.busy
  const loaded = image !== null && loadedUrl === image.url

  // The crop frame exists only once react-easy-crop has measured the loaded photo.
  useEffect(() => {
    if (!loaded || cropperFocusRequest.id === handledFocusRequest.current) return
    handledFocusRequest.current = cropperFocusRequest.id
    const active = document.activeElement
    // Focus left where it was (or dropped to <body> with a removed trigger): move it on; else the user chose.
    const untouched = active === null || active === document.body || active === cropperFocusRequest.from
    if (untouched) cropArea.current?.current?.focus()
  }, [cropperFocusRequest, loaded])

  if (!image) return null
  // The crop frame is react-easy-crop's focusable element; these make it a named, described widget.
  const cropAreaProps = {
    role: 'application',
    'aria-label': renderMessage(messages.cropperLabel),
    'aria-describedby': [ids.cropperInstructions, editor.errorMessageId].filter(Boolean).join(' '),
    'aria-disabled': interactive ? undefined : true,
    tabIndex: editor.disabled ? -1 : 0,
    'data-avatar-editor': 'crop-area',
  } as HTMLAttributes<HTMLDivElement>
  const side = renderedSize ? Math.min(renderedSize.width, renderedSize.height) : undefined

  return (
    <div
      data-avatar-editor="cropper"
      data-loaded={loaded ? '' : undefined}
      {...props}
      ref={ref}
      style={{ position: 'relative', width: '100%', aspectRatio: '1 / 1', overflow: 'hidden', ...style }}
      onTouchStartCapture={composeEventHandlers(onTouchStartCapture, trackPinch)}
      onTouchMoveCapture={composeEventHandlers(onTouchMoveCapture, trackPinch)}
      onTouchEndCapture={composeEventHandlers(onTouchEndCapture, trackPinch)}
      onTouchCancelCapture={composeEventHandlers(onTouchCancelCapture, trackPinch)}
    >
      <Cropper
        image={image.url}
        crop={editor.crop}
        zoom={editor.zoom}
        rotation={editor.rotation}
        aspect={1}
        minZoom={editor.minZoom}
        maxZoom={editor.maxZoom}
        cropShape={editor.round ? 'round' : 'rect'}
        cropSize={side ? { width: side, height: side } : undefined}
        showGrid={showGrid}
        keyboardStep={keyboardStep}
        // Our own limit keeps rotated corners covered (see clampCropPosition).
        restrictPosition={false}
        zoomWithScroll
        onWheelRequest={(event) => interactive && (event.ctrlKey || event.metaKey)}
        onTouchRequest={() => interactive}
        onCropChange={(crop) => {
          if (interactive) editor.setCrop(crop, 'cropper')
        }}
        onZoomChange={(zoom) => editor.setZoom(zoom, 'cropper', pinchFocus.current ?? undefined)}
        onInteractionStart={() => editor.interactionStarted()}
        onInteractionEnd={() => editor.interactionEnded()}
        onMediaLoaded={() => setLoadedUrl(image.url)}
        setMediaSize={(media) => editor.setRenderedSize({ width: media.width, height: media.height })}
        setCropperRef={(cropperRef) => {
          cropArea.current = cropperRef
        }}
        disableAutomaticStylesInjection={!editor.cropperStyles.inject}
        nonce={editor.cropperStyles.nonce}
        mediaProps={{ draggable: false }}
        cropperProps={cropAreaProps}
        // The frame can fill the cropper, which clips anything outside it: draw focus rings inside.
        style={{ cropAreaStyle: { outlineOffset: -3 } }}
      />
      <span id={ids.cropperInstructions} style={visuallyHidden}>
        {renderMessage(messages.cropperInstructions)}
      </span>
    </div>
  )
})
