import type { AvatarEditorMessages } from '../types.js'

/** French. */
export const fr: AvatarEditorMessages = {
  editorLabel: 'Photo de profil',
  dropZoneInstructions: ({ types, maxSize }) =>
    `Faites glisser une photo ici, collez-la ou choisissez un fichier. ${types}, ${maxSize} maximum.`,
  dropZoneActive: 'Déposez la photo pour l’utiliser',
  chooseFile: 'Choisir une photo',
  chooseAnotherFile: 'Choisir une autre photo',
  cropperLabel: 'Zone de recadrage',
  cropperInstructions:
    'Utilisez les flèches pour déplacer la photo, plus et moins pour zoomer, et R pour la faire pivoter.',
  zoomLabel: 'Zoom',
  zoomValue: ({ percent }) => percent,
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  rotateClockwise: 'Faire pivoter dans le sens horaire',
  rotateCounterclockwise: 'Faire pivoter dans le sens antihoraire',
  straightenLabel: 'Redresser',
  straightenValue: ({ degrees }) => degrees,
  reset: 'Réinitialiser',
  previewAlt: 'Aperçu de la photo recadrée',
  save: 'Enregistrer la photo',
  stateChecking: 'Vérification de la photo…',
  stateReady: 'La photo est prête à être recadrée.',
  stateEncoding: 'Préparation de la photo…',
  stateUploading: ({ percent }) => (percent ? `Envoi en cours… ${percent}` : 'Envoi en cours…'),
  stateSaving: 'Enregistrement…',
  stateSaved: 'Photo enregistrée.',
  announceZoom: ({ percent }) => `Zoom ${percent}`,
  announceRotation: ({ degrees }) => `Rotation ${degrees}`,
  errors: {
    empty: 'Ce fichier est vide. Choisissez une autre photo.',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `Ce fichier ${detectedType} n’est pas une photo utilisable. Choisissez un fichier ${types}.`
        : `Ce fichier n’est pas une photo utilisable. Choisissez un fichier ${types}.`,
    'heic-unsupported': ({ types }) =>
      `Les photos HEIC (le format de l’iPhone) ne peuvent pas être ouvertes ici. Exportez d’abord la photo en ${types}.`,
    'svg-not-allowed': ({ types }) =>
      `Les images SVG ne peuvent pas servir de photo de profil. Choisissez un fichier ${types}.`,
    'file-too-large': ({ size, maxSize }) =>
      `Ce fichier fait ${size}, au-delà de la limite de ${maxSize}. Choisissez une photo plus légère.`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `Cette photo fait ${width} × ${height} pixels (${megapixels} mégapixels), au-delà de la limite de ${maxMegapixels} mégapixels.`,
    'too-small': ({ width, height, minSide }) =>
      `Cette photo fait ${width} × ${height} pixels ; il faut au moins ${minSide} × ${minSide} pixels.`,
    corrupt: 'Cette photo est endommagée et ne peut pas être lue. Choisissez une autre photo.',
    'cannot-fit': ({ maxSize }) =>
      `La photo recadrée n’a pas pu être réduite sous ${maxSize}. Essayez avec une autre photo.`,
    'decode-failed': 'Ce navigateur ne peut pas ouvrir la photo. Enregistrez-la d’abord en JPEG ou en PNG.',
    aborted: 'Annulé.',
  },
  errorGeneric: 'Un problème est survenu. Veuillez réessayer.',
}
