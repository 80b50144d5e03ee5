/**
 * One piece of UI text: a plain string, or a function of its variables.
 *
 * Variables arrive already formatted for the locale (`"1.2 MB"`, `"6,000"`,
 * `"150%"`), so a translation only places them in a sentence.
 */
export type Message<Vars extends object = Record<never, never>> = string | ((vars: Vars) => string)

/** The codes of `AvatarImageError` (see `authgear-avatar-editor/image`) that get their own sentence. */
export type AvatarImageErrorMessageCode =
  | 'empty'
  | 'unsupported-type'
  | 'heic-unsupported'
  | 'svg-not-allowed'
  | 'file-too-large'
  | 'too-many-pixels'
  | 'too-small'
  | 'corrupt'
  | 'cannot-fit'
  | 'decode-failed'
  | 'aborted'

/** The variables of each image error message, formatted for the locale. */
export interface AvatarImageErrorVars {
  empty: Record<never, never>
  /** `types`: the accepted formats as a list (`"JPEG, PNG, WebP, or GIF"`); `detectedType`: what the file is (`"PDF"`), or `""` when unknown. */
  'unsupported-type': { types: string; detectedType: string }
  'heic-unsupported': { types: string }
  'svg-not-allowed': { types: string }
  /** `size` and `maxSize` are formatted bytes (`"12.4 MB"`). */
  'file-too-large': { size: string; maxSize: string }
  'too-many-pixels': { width: string; height: string; megapixels: string; maxMegapixels: string }
  'too-small': { width: string; height: string; minSide: string }
  corrupt: Record<never, never>
  /** `maxSize`: the byte budget of the output (`"2 MB"`). */
  'cannot-fit': { maxSize: string }
  'decode-failed': Record<never, never>
  aborted: Record<never, never>
}

/** The sentence for each image error code. */
export type AvatarImageErrorMessages = {
  [Code in AvatarImageErrorMessageCode]: Message<AvatarImageErrorVars[Code]>
}

/**
 * Every string `<AvatarEditor>` shows or announces, for one locale.
 * Get a complete set with `getMessages(locale, overrides)`.
 */
export interface AvatarEditorMessages {
  /** Accessible name of the whole editor (a group). */
  editorLabel: Message
  /** Visible text of the empty drop zone; `types` is the accepted formats as a list, `maxSize` the byte limit. */
  dropZoneInstructions: Message<{ types: string; maxSize: string }>
  /** Visible text while a file is dragged over the zone. */
  dropZoneActive: Message
  /** Name of the button that opens the file chooser when no photo is loaded. */
  chooseFile: Message
  /** Name of the button that opens the file chooser when a photo is loaded. */
  chooseAnotherFile: Message
  /** Accessible name of the crop area. */
  cropperLabel: Message
  /** How to use the crop area from the keyboard (its description). */
  cropperInstructions: Message
  /** Label of the zoom slider. */
  zoomLabel: Message
  /** The zoom slider's spoken value; `percent` like `"150%"`. */
  zoomValue: Message<{ percent: string }>
  /** Name of the zoom-in button. */
  zoomIn: Message
  /** Name of the zoom-out button. */
  zoomOut: Message
  /** Name of the button that turns the photo a quarter turn clockwise. */
  rotateClockwise: Message
  /** Name of the button that turns the photo a quarter turn counterclockwise. */
  rotateCounterclockwise: Message
  /** Label of the fine rotation slider (-45° to 45°). */
  straightenLabel: Message
  /** The fine rotation slider's spoken value; `degrees` like `"-12°"`. */
  straightenValue: Message<{ degrees: string }>
  /** Name of the button that undoes zoom, pan and rotation. */
  reset: Message
  /** Text alternative of the live preview. */
  previewAlt: Message
  /** Name of the save button. */
  save: Message
  /** Announced while the file is checked. */
  stateChecking: Message
  /** Announced when a photo is ready to crop. */
  stateReady: Message
  /** Announced while the crop is encoded. */
  stateEncoding: Message
  /** Announced while uploading; `percent` is `""` when progress is unknown. */
  stateUploading: Message<{ percent: string }>
  /** Announced while the user's picture is updated. */
  stateSaving: Message
  /** Announced when the picture has been saved. */
  stateSaved: Message
  /** Announced after zooming by keys or buttons. */
  announceZoom: Message<{ percent: string }>
  /** Announced after rotating; `degrees` like `"90°"`. */
  announceRotation: Message<{ degrees: string }>
  /** One sentence per image error code. */
  errors: AvatarImageErrorMessages
  /** Shown for an error the editor has no sentence for. */
  errorGeneric: Message
}

/** Partial messages to replace some strings of a locale; `errors` merges key by key. */
export type AvatarEditorMessageOverrides = Partial<Omit<AvatarEditorMessages, 'errors'>> & {
  errors?: Partial<AvatarImageErrorMessages>
}
