import { useCallback, useEffect, useId, useInsertionEffect, useMemo, useRef, useState } from 'react'
import {
  createFormatters,
  describeAvatarEditorError,
  getMessages,
  renderMessage,
  type AvatarEditorMessageOverrides,
} from '../i18n/index.js'
import {
  cropImage,
  createPreviewUrl,
  defaultImageRules,
  isAvatarImageError,
  inspectImage,
  maxZoomFor,
  minZoomForRotation,
  type CropResult,
  type ImageInfo,
  type ImageRules,
  type OutputImageType,
} from '../image/index.js'
import type {
  AvatarEditorChangeSource,
  AvatarEditorContextValue,
  AvatarEditorImage,
  AvatarEditorState,
  AvatarEditorSaveStatus,
} from './context.js'
import {
  clamp,
  clampCropPosition,
  computeCropRect,
  normalizeQuarter,
  splitRotation,
  type CropRect,
  type Point,
  type Size,
} from './cropGeometry.js'
import { useControllableState } from './useControllableState.js'

/** What `onSave` and `onChange` receive: the encoded square and where it came from. */
export interface AvatarEditorResult extends CropResult {
  /** What `inspectImage` read from the source file. */
  source: ImageInfo
  /** The source file as picked, dropped or pasted. */
  file: Blob
  /** The cropped square in source pixels of the rotated photo's bounding box. */
  area: CropRect
  /** Rotation in degrees clockwise. */
  rotation: number
}

/** The behaviour props of `<AvatarEditor.Root>` (and of `<AvatarEditor>`). */
export interface AvatarEditorOptions {
  /** Offset of the photo from the crop centre, in on-screen pixels (controlled). */
  crop?: Point
  /**
   * Starting offset when uncontrolled.
   * @default { x: 0, y: 0 }
   */
  defaultCrop?: Point
  /** Every offset change, as it happens. */
  onCropChange?: (crop: Point) => void
  /** At the end of each gesture (drag, key press, wheel, slider or button): the source-pixel square that would be saved. */
  onCropComplete?: (area: CropRect) => void
  /** Zoom, 1 = the crop square spans the photo's short side (controlled). */
  zoom?: number
  /**
   * Starting zoom when uncontrolled.
   * @default 1
   */
  defaultZoom?: number
  onZoomChange?: (zoom: number) => void
  /** Rotation in degrees clockwise (controlled): a quarter turn in [0, 360) plus a fine angle within ±45°. */
  rotation?: number
  /**
   * Starting rotation when uncontrolled.
   * @default 0
   */
  defaultRotation?: number
  onRotationChange?: (rotation: number) => void
  /**
   * Called with a fresh encoding shortly after each change settles (for forms
   * without a save button). Encoding costs a decode of the source each time:
   * leave it out if you only need `onSave`.
   */
  onChange?: (result: AvatarEditorResult) => void
  /** Called when the save button is pressed, with the encoded square. */
  onSave?: (result: AvatarEditorResult) => void
  /** A file passed `inspectImage` and is now being edited. */
  onFileAccept?: (file: Blob, info: ImageInfo) => void
  /** A file was refused (or encoding failed); the error is also shown. */
  onFileReject?: (error: unknown, file: Blob | undefined) => void
  /**
   * Side of the square output, in pixels. 1024 (Authgear's own portal limit)
   * keeps detail for high-density screens while a photo stays around 360 KB as JPEG.
   * @default 1024
   */
  outputSize?: number
  /**
   * Output format; crops with transparent pixels become PNG instead of JPEG.
   * @default 'image/jpeg'
   */
  outputType?: OutputImageType
  /**
   * First JPEG/WebP quality tried.
   * @default 0.9
   */
  outputQuality?: number
  /**
   * Byte budget of the output.
   * @default cropImage's default, 10 MiB minus 64 KiB
   */
  maxOutputBytes?: number
  /**
   * Limits on the source file (types, bytes, pixels, smallest side).
   * @default defaultImageRules
   */
  rules?: Partial<ImageRules>
  /** Strings to replace in the locale's messages. */
  messages?: AvatarEditorMessageOverrides
  /**
   * BCP 47 locale of the messages and numbers; also sets `dir` on the root.
   * @default 'en'
   */
  locale?: string
  /**
   * Refuses every input and disables every control.
   * @default false
   */
  disabled?: boolean
  /**
   * Shows a round crop frame and preview (the saved image stays square).
   * @default false
   */
  round?: boolean
  /** Camera hint for phones: `'user'` opens the front camera directly. */
  capture?: 'user' | 'environment'
  /**
   * Outside progress after `onSave`: `uploading`, `saving`, `saved` or `error`.
   * @default 'idle'
   */
  status?: AvatarEditorSaveStatus
  /** Upload progress from 0 to 1, shown while `status` is `uploading`. */
  progress?: number
  /**
   * An outside error to show: a string (already in the user's language), an
   * `AvatarImageError` (put into words here), or anything else (a generic sentence).
   */
  error?: unknown
  /**
   * Let react-easy-crop inject its CSS in a `<style>` tag; set `false` when you
   * import `authgear-avatar-editor/styles.css`, which contains it.
   * @default true
   */
  injectCropperStyles?: boolean
  /** Nonce for react-easy-crop's injected `<style>` under a strict Content-Security-Policy. */
  nonce?: string
}

/** Zoom steps of the buttons and the +/- keys, in zoom units (25 percentage points). */
export const ZOOM_STEP = 0.25
/** How long zoom and rotation must rest before their value is announced. */
const ANNOUNCE_DELAY_MS = 500
/** How long a change must rest before `onChange` encodes it. */
const CHANGE_ENCODE_DELAY_MS = 300

const ORIGIN: Point = Object.freeze({ x: 0, y: 0 }) as Point
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y

function isAbort(error: unknown): boolean {
  return (isAvatarImageError(error) && error.code === 'aborted') || (error instanceof DOMException && error.name === 'AbortError')
}

/**
 * The zoom range for a photo at a rotation: from the least zoom that leaves no
 * empty corner to the most that keeps `outputSize` source pixels across the crop
 * (never below the least). The crop square spans the photo's short side at
 * zoom 1 whatever the rotation (the Cropper fixes its size so).
 */
export function zoomLimits(info: Size | undefined, rotation: number, outputSize: number): { min: number; max: number } {
  if (!info) return { min: 1, max: 1 }
  const side = Math.min(info.width, info.height)
  const min = minZoomForRotation(info.width, info.height, rotation, side)
  return { min, max: Math.max(min, maxZoomFor(info, side, outputSize)) }
}

/** Internal phases; the outside `status` is layered over them in {@link deriveState}. */
export type Phase = 'idle' | 'checking' | 'invalid' | 'encoding'

/** The root's `data-state`: local work and local errors first, then the outside status. */
export function deriveState(phase: Phase, hasImage: boolean, status: AvatarEditorSaveStatus, hasOutsideError: boolean): AvatarEditorState {
  if (phase === 'checking' || phase === 'invalid' || phase === 'encoding') return phase
  if (status === 'error' || hasOutsideError) return 'error'
  if (status !== 'idle') return status
  return hasImage ? 'ready' : 'empty'
}

/** The state machine behind `<AvatarEditor.Root>`. */
export function useAvatarEditorState(options: AvatarEditorOptions) {
  const {
    outputSize = 1024,
    outputType,
    outputQuality,
    maxOutputBytes,
    locale = 'en',
    disabled = false,
    round = false,
    status = 'idle',
    progress,
    error: outsideError,
    injectCropperStyles = true,
    nonce,
  } = options

  // Latest props, so callbacks and async work never read stale ones. Insertion
  // effects run before any layout effect, and react-easy-crop calls back from
  // its componentDidUpdate, which is one.
  const callbacks = useRef(options)
  useInsertionEffect(() => {
    callbacks.current = options
  })

  const messages = useMemo(() => getMessages(locale, options.messages), [locale, options.messages])
  const formatters = useMemo(() => createFormatters(locale), [locale])
  const { acceptedTypes, maxBytes, maxPixels, minSide } = options.rules ?? {}
  // Keyed on the list's content: an inline `rules={{ acceptedTypes: [...] }}` is a new array every render.
  const acceptedKey = (acceptedTypes ?? defaultImageRules.acceptedTypes).join(',')
  const rules = useMemo<ImageRules>(
    () => ({
      acceptedTypes: acceptedKey.split(',') as ImageRules['acceptedTypes'],
      maxBytes: maxBytes ?? defaultImageRules.maxBytes,
      maxPixels: maxPixels ?? defaultImageRules.maxPixels,
      minSide: minSide ?? defaultImageRules.minSide,
    }),
    [acceptedKey, maxBytes, maxPixels, minSide],
  )

  const rootId = useId()
  const ids = useMemo(
    () => ({
      root: rootId,
      error: `${rootId}-error`,
      cropperInstructions: `${rootId}-cropper-instructions`,
      dropZoneInstructions: `${rootId}-drop-instructions`,
    }),
    [rootId],
  )

  const [phase, setPhase] = useState<Phase>('idle')
  const [image, setImage] = useState<AvatarEditorImage | null>(null)
  const [localError, setLocalError] = useState<unknown>(null)
  const [renderedSize, setRenderedSizeState] = useState<Size | null>(null)
  const [dragging, setDragging] = useState(false)
  const [cropperFocusRequest, setCropperFocusRequest] = useState<{ id: number; from: Element | null }>({ id: 0, from: null })
  const [quarterHint, setQuarterHint] = useState(() => splitRotation(options.rotation ?? options.defaultRotation ?? 0, 0).quarter)
  const [valueAnnouncement, setValueAnnouncement] = useState('')
  const [errorMessagesMounted, setErrorMessagesMounted] = useState(0)
  const registerErrorMessage = useCallback(() => {
    setErrorMessagesMounted((count) => count + 1)
    return () => setErrorMessagesMounted((count) => count - 1)
  }, [])

  const [crop, setCropState] = useControllableState<Point>({
    prop: options.crop,
    defaultProp: options.defaultCrop ?? ORIGIN,
    onChange: (value) => callbacks.current.onCropChange?.(value),
    name: 'crop',
    isEqual: samePoint,
  })
  const [zoom, setZoomState] = useControllableState<number>({
    prop: options.zoom,
    defaultProp: options.defaultZoom ?? 1,
    onChange: (value) => callbacks.current.onZoomChange?.(value),
    name: 'zoom',
  })
  const [rotation, setRotationState] = useControllableState<number>({
    prop: options.rotation,
    defaultProp: options.defaultRotation ?? 0,
    onChange: (value) => callbacks.current.onRotationChange?.(value),
    name: 'rotation',
  })

  const hasOutsideError = outsideError !== undefined && outsideError !== null
  const state = deriveState(phase, image !== null, status, hasOutsideError)
  const busy = phase === 'checking' || phase === 'encoding' || status === 'uploading' || status === 'saving'
  const interactive = !disabled && !busy

  const showsError = phase === 'invalid' || hasOutsideError || status === 'error'
  // `describeAvatarEditorError` gives the generic sentence for `undefined` (status `error` without an error).
  const errorText = showsError
    ? describeAvatarEditorError(phase === 'invalid' ? localError : outsideError, { messages, formatters, acceptedTypes: rules.acceptedTypes })
    : null
  const errorMessageId = errorText !== null && errorMessagesMounted > 0 ? ids.error : undefined

  const { min: minZoom, max: maxZoom } = zoomLimits(image?.info, rotation, outputSize)
  const rotationParts = splitRotation(rotation, quarterHint)

  // Values read by callbacks; actions also write them at once so that several
  // updates in one event see each other.
  const live = useRef({ crop, zoom, rotation, outputSize, renderedSize, interactive, image, quarterHint })
  useInsertionEffect(() => {
    live.current = { crop, zoom, rotation, outputSize, renderedSize, interactive, image, quarterHint }
  })

  // ---- announcements -------------------------------------------------------
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const announceValue = useCallback((text: string) => {
    clearTimeout(announceTimer.current)
    announceTimer.current = setTimeout(() => setValueAnnouncement(text), ANNOUNCE_DELAY_MS)
  }, [])
  useEffect(() => () => clearTimeout(announceTimer.current), [])

  const stateAnnouncement = (() => {
    switch (state) {
      case 'checking':
        return renderMessage(messages.stateChecking)
      case 'ready':
        return renderMessage(messages.stateReady)
      case 'encoding':
        return renderMessage(messages.stateEncoding)
      case 'uploading':
        // Quarter steps: a live region that changes on every progress event is noise.
        return renderMessage(messages.stateUploading, {
          percent: progress === undefined ? '' : formatters.percent(Math.floor(clamp(progress, 0, 1) * 4) / 4),
        })
      case 'saving':
        return renderMessage(messages.stateSaving)
      case 'saved':
        return renderMessage(messages.stateSaved)
      case 'invalid':
      case 'error':
        return errorText ?? ''
      default:
        return ''
    }
  })()

  // ---- crop, zoom, rotation ------------------------------------------------
  /** Crop values from react-easy-crop within this task, re-clamped when its zoom change follows. */
  const pendingCropperCrop = useRef<Point | null>(null)
  /**
   * Within one cropper gesture: react-easy-crop's own last crop (where its drag
   * puts the photo) and how far our zooms about the fingers have moved the
   * photo from it, which its later drag moves must keep.
   */
  const gesture = useRef({ raw: { x: 0, y: 0 }, shift: { x: 0, y: 0 } })

  const setCrop = useCallback(
    (requested: Point, source: AvatarEditorChangeSource = 'cropper') => {
      const { renderedSize: size, zoom: z, rotation: r } = live.current
      let next = requested
      if (source === 'cropper') {
        // react-easy-crop echoes the crop it was given after every zoom: nothing moved.
        if (requested.x === live.current.crop.x && requested.y === live.current.crop.y) return
        gesture.current.raw = requested
        next = { x: requested.x + gesture.current.shift.x, y: requested.y + gesture.current.shift.y }
        if (pendingCropperCrop.current === null) queueMicrotask(() => (pendingCropperCrop.current = null))
        pendingCropperCrop.current = next
      }
      const clamped = size ? clampCropPosition(next, size, z, r) : next
      setCropState(clamped)
      // A pinch's zoom can arrive a frame later, before a render: it must start from this pan, not the last render's.
      live.current = { ...live.current, crop: clamped }
    },
    [setCropState],
  )

  const applyZoom = useCallback(
    (nextZoom: number, nextRotation: number, source: AvatarEditorChangeSource, focus?: Point) => {
      const { crop: c, zoom: z, renderedSize: size, image: current, outputSize: output } = live.current
      const { min, max } = zoomLimits(current?.info, nextRotation, output)
      const zoomValue = clamp(nextZoom, min, max)
      // The cropper moves the photo itself to zoom at the wheel's pointer (a crop in the same task);
      // a pinch it leaves to us (zoom about the fingers); other sources zoom about the centre.
      const pending = source === 'cropper' ? pendingCropperCrop.current : null
      const base = pending ?? (focus || source !== 'cropper' ? zoomAbout(c, z, zoomValue, focus ?? { x: 0, y: 0 }) : c)
      const nextCrop = size ? clampCropPosition(base, size, zoomValue, nextRotation) : c
      setZoomState(zoomValue)
      setCropState(nextCrop)
      live.current = { ...live.current, zoom: zoomValue, rotation: nextRotation, crop: nextCrop }
      if (source === 'cropper' && focus) {
        const { raw } = gesture.current
        gesture.current.shift = { x: nextCrop.x - raw.x, y: nextCrop.y - raw.y }
      }
      return zoomValue
    },
    [setCropState, setZoomState],
  )

  const clearInvalid = useCallback(() => {
    setPhase((current) => (current === 'invalid' && live.current.image ? 'idle' : current))
  }, [])

  const setZoom = useCallback(
    (next: number, source: AvatarEditorChangeSource, focus?: Point) => {
      if (!live.current.interactive) return
      if (source !== 'cropper') clearInvalid()
      const value = applyZoom(next, live.current.rotation, source, focus)
      if (source !== 'slider') announceValue(renderMessage(messages.announceZoom, { percent: formatters.percent(value) }))
    },
    [announceValue, applyZoom, clearInvalid, formatters, messages],
  )

  const zoomBy = useCallback(
    (direction: 1 | -1, source: AvatarEditorChangeSource) => setZoom(live.current.zoom + direction * ZOOM_STEP, source),
    [setZoom],
  )

  const applyRotation = useCallback(
    (next: number, source: AvatarEditorChangeSource) => {
      clearInvalid()
      setRotationState(next)
      // Zoom rises (about the centre) when the new angle needs more to cover the frame.
      applyZoom(live.current.zoom, next, source)
      if (source !== 'slider') announceValue(renderMessage(messages.announceRotation, { degrees: formatters.degrees(next) }))
    },
    [announceValue, applyZoom, clearInvalid, formatters, messages, setRotationState],
  )

  const rotateBy = useCallback(
    (quarterTurns: 1 | -1, source: AvatarEditorChangeSource) => {
      if (!live.current.interactive) return
      const { quarter, fine } = splitRotation(live.current.rotation, live.current.quarterHint)
      const nextQuarter = normalizeQuarter(quarter + quarterTurns * 90)
      setQuarterHint(nextQuarter)
      live.current = { ...live.current, quarterHint: nextQuarter }
      applyRotation(nextQuarter + fine, source)
    },
    [applyRotation],
  )

  const setFineRotation = useCallback(
    (degrees: number, source: AvatarEditorChangeSource) => {
      if (!live.current.interactive) return
      const { quarter } = splitRotation(live.current.rotation, live.current.quarterHint)
      applyRotation(quarter + clamp(degrees, -45, 45), source)
    },
    [applyRotation],
  )

  /** Back to the default crop, zoom and rotation (within the limits of `info`'s photo). */
  const resetTransform = useCallback(
    (info: ImageInfo | undefined) => {
      const { defaultCrop = ORIGIN, defaultZoom = 1, defaultRotation = 0 } = callbacks.current
      const { quarter } = splitRotation(defaultRotation, 0)
      const { min, max } = zoomLimits(info, defaultRotation, live.current.outputSize)
      const zoomValue = clamp(defaultZoom, min, max)
      setQuarterHint(quarter)
      setRotationState(defaultRotation)
      setZoomState(zoomValue)
      setCropState(defaultCrop)
      live.current = { ...live.current, quarterHint: quarter, rotation: defaultRotation, zoom: zoomValue, crop: defaultCrop }
    },
    [setCropState, setRotationState, setZoomState],
  )

  const reset = useCallback(() => {
    if (!live.current.interactive) return
    clearInvalid()
    resetTransform(live.current.image?.info)
    const { zoom: z, rotation: r } = live.current
    announceValue(
      `${renderMessage(messages.announceZoom, { percent: formatters.percent(z) })}, ${renderMessage(messages.announceRotation, { degrees: formatters.degrees(r) })}`,
    )
  }, [announceValue, clearInvalid, formatters, messages, resetTransform])

  const setRenderedSize = useCallback((size: Size) => {
    live.current = { ...live.current, renderedSize: size }
    setRenderedSizeState((current) => (current && current.width === size.width && current.height === size.height ? current : size))
  }, [])

  const interactionStarted = useCallback(() => {
    // react-easy-crop restarts its drag from the crop it is given now.
    gesture.current = { raw: live.current.crop, shift: { x: 0, y: 0 } }
    clearInvalid()
  }, [clearInvalid])

  const interactionEnded = useCallback(() => {
    const { crop: c, zoom: z, rotation: r, renderedSize: size, image: current } = live.current
    if (!current) return
    callbacks.current.onCropComplete?.(computeCropRect({ crop: c, zoom: z, rotation: r, natural: current.info, rendered: size }))
  }, [])

  // ---- intake --------------------------------------------------------------
  const inputRef = useRef<HTMLInputElement | null>(null)
  const preview = useRef<{ url: string; revoke(): void } | null>(null)
  const checkRun = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      preview.current?.revoke()
      preview.current = null
    }
  }, [])

  const acceptFile = useCallback(
    (file: Blob | null | undefined) => {
      if (!file || disabled || live.current.interactive === false) return
      const run = ++checkRun.current
      setPhase('checking')
      inspectImage(file, rules).then(
        (info) => {
          if (run !== checkRun.current || !mounted.current) return
          const next = createPreviewUrl(file)
          preview.current?.revoke()
          preview.current = next
          setImage({ file, info, url: next.url })
          setRenderedSizeState(null)
          setLocalError(null)
          setPhase('idle')
          resetTransform(info)
          setCropperFocusRequest((request) => ({ id: request.id + 1, from: document.activeElement }))
          callbacks.current.onFileAccept?.(file, info)
        },
        (error: unknown) => {
          if (run !== checkRun.current || !mounted.current || isAbort(error)) return
          setLocalError(error)
          setPhase('invalid')
          callbacks.current.onFileReject?.(error, file)
        },
      )
    },
    [disabled, resetTransform, rules],
  )

  const openFilePicker = useCallback(() => {
    const input = inputRef.current
    if (!input || !live.current.interactive) return
    // Cleared first so choosing the same file again still fires `change`.
    input.value = ''
    input.click()
  }, [])

  // ---- encoding ------------------------------------------------------------
  const encode = useCallback(
    (current: AvatarEditorImage, signal: AbortSignal): Promise<AvatarEditorResult> => {
      const { crop: c, zoom: z, rotation: r, renderedSize: size } = live.current
      const area = computeCropRect({ crop: c, zoom: z, rotation: r, natural: current.info, rendered: size })
      return cropImage(current.file, area, {
        rotation: r,
        size: outputSize,
        type: outputType,
        quality: outputQuality,
        maxBytes: maxOutputBytes,
        rules,
        signal,
      }).then((result) => ({ ...result, source: current.info, file: current.file, area, rotation: r }))
    },
    [maxOutputBytes, outputQuality, outputSize, outputType, rules],
  )

  const saveController = useRef<AbortController | null>(null)
  useEffect(() => () => saveController.current?.abort(), [])

  const save = useCallback(() => {
    const current = live.current.image
    if (!current || !live.current.interactive) return
    clearInvalid()
    setPhase('encoding')
    const controller = new AbortController()
    saveController.current = controller
    encode(current, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return
        setPhase('idle')
        callbacks.current.onSave?.(result)
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return
        setLocalError(error)
        setPhase('invalid')
        callbacks.current.onFileReject?.(error, current.file)
      },
    )
  }, [clearInvalid, encode])

  // `onChange`: encode once the crop has rested, dropping superseded work.
  const wantsChanges = options.onChange !== undefined
  const rect = image ? computeCropRect({ crop, zoom, rotation, natural: image.info, rendered: renderedSize }) : null
  const rectKey = rect ? `${rect.x},${rect.y},${rect.width},${rotation}` : ''
  useEffect(() => {
    if (!wantsChanges || !image || !rectKey) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      encode(image, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) callbacks.current.onChange?.(result)
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return
          setLocalError(error)
          setPhase('invalid')
        },
      )
    }, CHANGE_ENCODE_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [encode, image, rectKey, wantsChanges])

  const context: AvatarEditorContextValue = {
    state,
    disabled,
    busy,
    image,
    errorText,
    errorMessageId,
    registerErrorMessage,
    progress,
    locale,
    messages,
    formatters,
    rules,
    round,
    ids,
    crop,
    zoom,
    rotation,
    rotationParts,
    minZoom,
    maxZoom,
    renderedSize,
    setCrop,
    setZoom,
    zoomBy,
    rotateBy,
    setFineRotation,
    reset,
    setRenderedSize,
    interactionStarted,
    interactionEnded,
    openFilePicker,
    acceptFile,
    save,
    dragging,
    setDragging,
    cropperFocusRequest,
    cropperStyles: { inject: injectCropperStyles, nonce },
  }

  return { context, inputRef, stateAnnouncement, valueAnnouncement, interactive }
}

/**
 * The crop position that keeps the photo's point under `focus` (screen pixels
 * from the frame's centre) in place while the zoom goes from `from` to `to`:
 * the photo is drawn at `position + zoom * point`, so `position` must move by
 * `(focus - position) * (1 - to / from)`.
 */
export function zoomAbout(position: Point, from: number, to: number, focus: Point): Point {
  const ratio = to / from
  return { x: focus.x - (focus.x - position.x) * ratio, y: focus.y - (focus.y - position.y) * ratio }
}
