// Small test photos drawn in the browser, so the component tests own their fixtures.

/**
 * A photo-like image: a diagonal gradient with a dark square marking its
 * top-left quarter, so crops and rotations are visible in the pixels.
 */
export async function makePhoto(
  width: number,
  height: number,
  { type = 'image/jpeg', name = 'photo.jpg', alpha = false }: { type?: string; name?: string; alpha?: boolean } = {},
): Promise<File> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  if (!alpha) {
    const gradient = context.createLinearGradient(0, 0, width, height)
    gradient.addColorStop(0, '#f4a261')
    gradient.addColorStop(1, '#2a9d8f')
    context.fillStyle = gradient
    context.fillRect(0, 0, width, height)
  }
  context.fillStyle = '#264653'
  context.fillRect(0, 0, width / 2, height / 2)
  const blob = await canvas.convertToBlob({ type, quality: 0.9 })
  return new File([blob], name, { type: blob.type })
}

/** A plain-text file dressed up as a PNG by its name and declared type. */
export function fakePng(name = 'notes.png'): File {
  return new File(['these are meeting notes, not a picture\n'.repeat(20)], name, { type: 'image/png' })
}

/** A DataTransfer holding `files`, as a drop or a paste carries them. */
export function transferOf(...files: File[]): DataTransfer {
  const data = new DataTransfer()
  for (const file of files) data.items.add(file)
  return data
}

/** Width and height of an encoded image, decoded by the browser. */
export async function decodedSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob)
  const size = { width: bitmap.width, height: bitmap.height }
  bitmap.close()
  return size
}
