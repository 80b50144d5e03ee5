import type { AvatarEditorMessages } from '../types.js'

/** English (the fallback for every locale without its own messages). */
export const en: AvatarEditorMessages = {
  editorLabel: 'Profile photo',
  dropZoneInstructions: ({ types, maxSize }) =>
    `Drag a photo here, paste it, or choose a file. ${types}, up to ${maxSize}.`,
  dropZoneActive: 'Drop the photo to use it',
  chooseFile: 'Choose a photo',
  chooseAnotherFile: 'Choose another photo',
  cropperLabel: 'Crop area',
  cropperInstructions: 'Use the arrow keys to move the photo, plus and minus to zoom, and R to rotate.',
  zoomLabel: 'Zoom',
  zoomValue: ({ percent }) => percent,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  rotateClockwise: 'Rotate clockwise',
  rotateCounterclockwise: 'Rotate counterclockwise',
  straightenLabel: 'Straighten',
  straightenValue: ({ degrees }) => degrees,
  reset: 'Reset',
  previewAlt: 'Preview of the cropped photo',
  save: 'Save photo',
  stateChecking: 'Checking the photo…',
  stateReady: 'Photo ready to crop.',
  stateEncoding: 'Preparing the photo…',
  stateUploading: ({ percent }) => (percent ? `Uploading… ${percent}` : 'Uploading…'),
  stateSaving: 'Saving…',
  stateSaved: 'Photo saved.',
  announceZoom: ({ percent }) => `Zoom ${percent}`,
  announceRotation: ({ degrees }) => `Rotation ${degrees}`,
  errors: {
    empty: 'This file is empty. Choose another photo.',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `This ${detectedType} file is not a photo the editor can use. Choose a ${types} file.`
        : `This file is not a photo the editor can use. Choose a ${types} file.`,
    'heic-unsupported': ({ types }) =>
      `HEIC photos (the iPhone format) cannot be opened here. Export the photo as ${types} first.`,
    'svg-not-allowed': ({ types }) => `SVG drawings cannot be used as a profile photo. Choose a ${types} file.`,
    'file-too-large': ({ size, maxSize }) => `This file is ${size}, over the limit of ${maxSize}. Choose a smaller photo.`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `This photo is ${width} × ${height} pixels (${megapixels} megapixels), over the limit of ${maxMegapixels} megapixels.`,
    'too-small': ({ width, height, minSide }) =>
      `This photo is ${width} × ${height} pixels; it needs to be at least ${minSide} × ${minSide} pixels.`,
    corrupt: 'This photo is damaged and cannot be read. Choose another photo.',
    'cannot-fit': ({ maxSize }) => `The cropped photo could not be made smaller than ${maxSize}. Try another photo.`,
    'decode-failed': 'This browser could not open the photo. Try saving it as JPEG or PNG first.',
    aborted: 'Cancelled.',
  },
  errorGeneric: 'Something went wrong. Please try again.',
}
