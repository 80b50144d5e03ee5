import { describe, expect, it } from 'vitest'
import { createPreviewUrl } from './preview.js'
import { loadCorpus } from './test-utils/corpus.js'

function load(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('image failed to load'))
    image.src = url
  })
}

describe('createPreviewUrl', () => {
  it('gives a blob: object URL that an <img> shows upright', async () => {
    const preview = createPreviewUrl(await loadCorpus('orientation-6.jpg'))
    expect(preview.url.startsWith('blob:')).toBe(true)
    const image = await load(preview.url)
    expect([image.naturalWidth, image.naturalHeight]).toEqual([480, 320])
    preview.revoke()
  })

  it('frees the URL on revoke, and a second revoke is harmless', async () => {
    const preview = createPreviewUrl(await loadCorpus('photo-1mp.jpg'))
    preview.revoke()
    preview.revoke()
    await expect(load(preview.url)).rejects.toThrow('image failed to load')
  })
})
