import { beforeEach, describe, expect, it } from 'vitest'
import { createAdminApiClient } from './client.ts'
import { updateUserPicture } from './update-user-picture.ts'

// Served by test/browser-backend.ts on this page's origin: the real proxy and a local Authgear.
const control = (path: string, init?: RequestInit) => fetch(`/__authgear-local${path}`, init).then((response) => response.json())
const seededUser = '7d3f9c2a-5b1e-4a8d-9c6f-2e4b8a1d3c5f'

async function photo(side = 1024): Promise<Blob> {
  const canvas = new OffscreenCanvas(side, side)
  const context = canvas.getContext('2d')!
  // Noise, so the JPEG is large enough for several progress events.
  const pixels = context.createImageData(side, side)
  for (let index = 0; index < pixels.data.length; index += 1) pixels.data[index] = (index * 2654435761) >>> 24
  context.putImageData(pixels, 0, 0)
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })
}

beforeEach(async () => {
  await control('/reset', { method: 'POST' })
})

describe('uploads in a real browser (XMLHttpRequest)', () => {
  it('reports progress that never decreases and ends at 1', async () => {
    const client = createAdminApiClient({ endpoint: '/api/avatar' })
    const target = await client.getUploadUrl()
    const fractions: number[] = []
    const stored = await client.uploadImage(target, await photo(), { onProgress: (fraction) => fractions.push(fraction) })
    expect(stored).toMatch(/^authgearimages:\/\/\/dev-app\/[\w-]+$/)
    expect(fractions.at(-1)).toBe(1)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
  })

  it('abort() cancels the upload with code aborted and stores nothing', async () => {
    await control('/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: 'upload', latencyMs: 10_000, status: 503 }) })
    const client = createAdminApiClient({ endpoint: '/api/avatar' })
    const target = await client.getUploadUrl()
    const controller = new AbortController()
    const upload = client.uploadImage(target, await photo(256), { signal: controller.signal })
    controller.abort()
    await expect(upload).rejects.toMatchObject({ code: 'aborted' })
    expect((await control('/stats')).uploadsStored).toBe(0)
  })

  it('runs the whole change through the proxy and keeps every other attribute', async () => {
    const client = createAdminApiClient({ endpoint: '/api/avatar' })
    const before = await client.getUser(seededUser, { customAttributes: true })
    const result = await updateUserPicture(client, { userId: seededUser, image: await photo(512) })
    const after = await client.getUser(seededUser, { customAttributes: true })
    expect(after.standardAttributes.picture).toBe(result.picture)
    const { picture: _a, updated_at: _b, ...restBefore } = before.standardAttributes
    const { picture: _c, updated_at: _d, ...restAfter } = after.standardAttributes
    expect(restAfter).toEqual(restBefore)
    expect(after.customAttributes).toEqual(before.customAttributes)
  })

  it('an expired admin session is code unauthorized', async () => {
    const client = createAdminApiClient({ endpoint: '/api/avatar', headers: { 'x-test-session': 'expired' } })
    await expect(client.getUploadUrl()).rejects.toMatchObject({ code: 'unauthorized', status: 401 })
  })
})
