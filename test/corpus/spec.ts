// What the generated corpus contains, shared by scripts/make-corpus.ts (Node)
// and the tests that check pixels (browser): no Node imports here.

/** The upright picture of the orientation set: four coloured quadrants, landscape. */
export const orientationPicture = {
  width: 480,
  height: 320,
  /** Colours of the top-left, top-right, bottom-left and bottom-right quadrants, upright. */
  quadrants: {
    topLeft: [220, 30, 30],
    topRight: [30, 170, 40],
    bottomLeft: [30, 60, 220],
    bottomRight: [240, 220, 30],
  },
} as const

/** Camera maker and description in the EXIF of the orientation set (which also has GPS): must never reach an output. */
export const corpusExifMarker = 'CorpusCam-GPS-Marker'

/** alpha.png and alpha.webp: a red disc (radius 150) centred on a transparent 400x400 square, with a half-transparent blue band at y 20-59. */
export const alphaPicture = { size: 400, discRadius: 150, disc: [220, 40, 40], band: { top: 20, bottom: 60, colour: [40, 40, 220], alpha: 128 } } as const
