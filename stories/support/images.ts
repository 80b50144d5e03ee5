/** Test files made in the browser: nothing is downloaded, every story is self-contained. */

/** A photo-like JPEG: a sky gradient, a sun and a hill, so crops are easy to judge. */
export async function photoFile(width = 1600, height = 1200, name = 'photo.jpg'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  const sky = context.createLinearGradient(0, 0, 0, height)
  sky.addColorStop(0, '#3b82f6')
  sky.addColorStop(1, '#bfdbfe')
  context.fillStyle = sky
  context.fillRect(0, 0, width, height)
  context.fillStyle = '#fbbf24'
  context.beginPath()
  context.arc(width * 0.65, height * 0.35, height * 0.14, 0, Math.PI * 2)
  context.fill()
  context.fillStyle = '#15803d'
  context.beginPath()
  context.ellipse(width * 0.45, height * 1.05, width * 0.7, height * 0.45, 0, 0, Math.PI * 2)
  context.fill()
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
  return new File([blob], name, { type: 'image/jpeg' })
}

/** A text file that claims to be a PNG. */
export const textFileNamedPng = () => new File(['these are my notes, not a picture'], 'notes.png', { type: 'image/png' })

/** The first bytes of an iPhone HEIC photo: enough to be recognised and refused. */
export const heicFile = () =>
  new File([new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63])], 'IMG_0001.heic', {
    type: 'image/heic',
  })

/** An SVG with a script in it. */
export const svgFile = () =>
  new File(['<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' })

/** A PNG header that claims 30000 x 30000 pixels: a decompression bomb, refused before decoding. */
export function bombFile(): File {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  const view = new DataView(bytes.buffer)
  view.setUint32(16, 30000)
  view.setUint32(20, 30000)
  bytes.set([8, 6, 0, 0, 0], 24)
  return new File([bytes], 'bomb.png', { type: 'image/png' })
}

/** A 64 x 64 PNG: below the 128 px minimum. */
export async function tinyFile(): Promise<File> {
  const canvas = new OffscreenCanvas(64, 64)
  canvas.getContext('2d')!.fillRect(0, 0, 64, 64)
  return new File([await canvas.convertToBlob({ type: 'image/png' })], 'tiny.png', { type: 'image/png' })
}

/** A JPEG that stops in its header. */
export async function corruptFile(): Promise<File> {
  const photo = await photoFile(400, 300)
  return new File([(await photo.arrayBuffer()).slice(0, 120)], 'broken.jpg', { type: 'image/jpeg' })
}

/** A 0-byte file, as a failed download or a cloud placeholder leaves behind. */
export const emptyFile = () => new File([], 'avatar.jpg', { type: 'image/jpeg' })
