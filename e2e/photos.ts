import sharp from 'sharp'

/**
 * A photo-sized JPEG made on the spot (nothing downloaded): four coloured
 * quadrants, so a wrong crop or orientation would show in the pixels.
 */
export async function makePhoto(width = 1600, height = 1200): Promise<Buffer> {
  const half = (size: number) => Math.floor(size / 2)
  const quadrant = (r: number, g: number, b: number) => ({
    create: { width: half(width), height: half(height), channels: 3 as const, background: { r, g, b } },
  })
  const tiles = await Promise.all([
    sharp(quadrant(220, 40, 40)).png().toBuffer(),
    sharp(quadrant(40, 180, 60)).png().toBuffer(),
    sharp(quadrant(40, 80, 220)).png().toBuffer(),
    sharp(quadrant(240, 200, 40)).png().toBuffer(),
  ])
  return sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .composite([
      { input: tiles[0]!, left: 0, top: 0 },
      { input: tiles[1]!, left: half(width), top: 0 },
      { input: tiles[2]!, left: 0, top: half(height) },
      { input: tiles[3]!, left: half(width), top: half(height) },
    ])
    .jpeg({ quality: 90 })
    .toBuffer()
}
