import type { AvatarEditorMessages } from '../types.js'

/** Spanish. */
export const es: AvatarEditorMessages = {
  editorLabel: 'Foto de perfil',
  dropZoneInstructions: ({ types, maxSize }) =>
    `Arrastra una foto aquí, pégala o elige un archivo. ${types}, de hasta ${maxSize}.`,
  dropZoneActive: 'Suelta la foto para usarla',
  chooseFile: 'Elegir una foto',
  chooseAnotherFile: 'Elegir otra foto',
  cropperLabel: 'Área de recorte',
  cropperInstructions: 'Usa las flechas para mover la foto, más y menos para acercar o alejar, y R para girarla.',
  zoomLabel: 'Zoom',
  zoomValue: ({ percent }) => percent,
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  rotateClockwise: 'Girar en el sentido de las agujas del reloj',
  rotateCounterclockwise: 'Girar en sentido contrario a las agujas del reloj',
  straightenLabel: 'Enderezar',
  straightenValue: ({ degrees }) => degrees,
  reset: 'Restablecer',
  previewAlt: 'Vista previa de la foto recortada',
  save: 'Guardar foto',
  stateChecking: 'Comprobando la foto…',
  stateReady: 'La foto está lista para recortar.',
  stateEncoding: 'Preparando la foto…',
  stateUploading: ({ percent }) => (percent ? `Subiendo… ${percent}` : 'Subiendo…'),
  stateSaving: 'Guardando…',
  stateSaved: 'Foto guardada.',
  announceZoom: ({ percent }) => `Zoom ${percent}`,
  announceRotation: ({ degrees }) => `Rotación ${degrees}`,
  errors: {
    empty: 'Este archivo está vacío. Elige otra foto.',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `Este archivo ${detectedType} no es una foto que se pueda usar. Elige un archivo ${types}.`
        : `Este archivo no es una foto que se pueda usar. Elige un archivo ${types}.`,
    'heic-unsupported': ({ types }) =>
      `Las fotos HEIC (el formato del iPhone) no se pueden abrir aquí. Exporta primero la foto como ${types}.`,
    'svg-not-allowed': ({ types }) => `Las imágenes SVG no se pueden usar como foto de perfil. Elige un archivo ${types}.`,
    'file-too-large': ({ size, maxSize }) => `Este archivo ocupa ${size} y supera el límite de ${maxSize}. Elige una foto más pequeña.`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `Esta foto mide ${width} × ${height} píxeles (${megapixels} megapíxeles) y supera el límite de ${maxMegapixels} megapíxeles.`,
    'too-small': ({ width, height, minSide }) =>
      `Esta foto mide ${width} × ${height} píxeles; debe medir al menos ${minSide} × ${minSide} píxeles.`,
    corrupt: 'Esta foto está dañada y no se puede leer. Elige otra foto.',
    'cannot-fit': ({ maxSize }) => `No se pudo reducir la foto recortada a menos de ${maxSize}. Prueba con otra foto.`,
    'decode-failed': 'Este navegador no puede abrir la foto. Prueba a guardarla antes como JPEG o PNG.',
    aborted: 'Cancelado.',
  },
  errorGeneric: 'Algo salió mal. Vuelve a intentarlo.',
}
