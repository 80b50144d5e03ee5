import { describe, expect, it } from 'vitest'
import { isAdminApiError } from './errors.ts'
import { isReadBackUrlOf, isWritablePictureUrl, parseStoredImageUrl, parseUploadUrl, toDisplayableImageUrl, uploadRequestUrl } from './image-urls.ts'

const query =
  'x-authgear-algorithm=HMAC-SHA256&x-authgear-date=2026-01-02T03:04:05Z&x-authgear-expires=900&x-authgear-metadata=eyJ1cGxvYWRlZF9ieSI6ImFkbWluIn0&x-authgear-signature=0a1b2c&x-authgear-signedheaders=host'
const uploadUrl = `https://myapp.authgear.cloud/_images/myapp/3f0a1c2e-9b7d-4e1f-8a6b-2c3d4e5f6a7b?${query}`

describe('parseUploadUrl', () => {
  it('takes a pre-signed URL apart and keeps the signed query byte-for-byte', () => {
    expect(parseUploadUrl(uploadUrl)).toEqual({
      url: uploadUrl,
      origin: 'https://myapp.authgear.cloud',
      appId: 'myapp',
      objectId: '3f0a1c2e-9b7d-4e1f-8a6b-2c3d4e5f6a7b',
      query,
    })
  })

  it('keeps a query the URL parser would re-encode untouched', () => {
    const odd = "https://a.example/_images/app/obj?x=a'b%7e&y=%41"
    expect(parseUploadUrl(odd).query).toBe("x=a'b%7e&y=%41")
  })

  it.each([
    ['not a string', 42],
    ['not a URL', 'upload here'],
    ['another scheme', `ftp://myapp.authgear.cloud/_images/myapp/obj?${query}`],
    ['javascript:', 'javascript:alert(1)//_images/a/b?x'],
    ['credentials', `https://user:pw@myapp.authgear.cloud/_images/myapp/obj?${query}`],
    ['a fragment', `${uploadUrl}#frag`],
    ['another path', `https://myapp.authgear.cloud/_api/admin/graphql?${query}`],
    ['an extra segment', `https://myapp.authgear.cloud/_images/myapp/obj/profile?${query}`],
    ['a dot segment', `https://myapp.authgear.cloud/_images/myapp/%2e%2e?${query}`],
    ['no query', 'https://myapp.authgear.cloud/_images/myapp/obj'],
    ['an empty query', 'https://myapp.authgear.cloud/_images/myapp/obj?'],
  ])('refuses %s as unexpected-response', (_, value) => {
    let caught: unknown
    try {
      parseUploadUrl(value)
    } catch (error) {
      caught = error
    }
    expect(isAdminApiError(caught, 'unexpected-response')).toBe(true)
  })
})

describe('uploadRequestUrl', () => {
  const target = parseUploadUrl(uploadUrl)
  it('posts through the proxy with the signed query untouched', () => {
    expect(uploadRequestUrl(target, 'proxy', '/api/avatar')).toBe(`/api/avatar/_images/myapp/3f0a1c2e-9b7d-4e1f-8a6b-2c3d4e5f6a7b?${query}`)
  })
  it('posts to the pre-signed URL itself in direct mode', () => {
    expect(uploadRequestUrl(target, 'direct', '/api/avatar')).toBe(uploadUrl)
  })
})

describe('parseStoredImageUrl', () => {
  const target = { appId: 'myapp', objectId: 'obj-1' }
  it('accepts exactly authgearimages:/// of the uploaded object', () => {
    expect(parseStoredImageUrl('authgearimages:///myapp/obj-1', target)).toBe('authgearimages:///myapp/obj-1')
  })
  it.each([
    'authgearimages:///myapp/obj-2',
    'authgearimages:///other/obj-1',
    'authgearimages://host/myapp/obj-1',
    'authgearimages:///myapp/obj-1/profile',
    'https://evil.example/x.png',
    ' authgearimages:///myapp/obj-1',
    undefined,
  ])('refuses %j', (value) => {
    expect(() => parseStoredImageUrl(value, target)).toThrow(/unexpected url/)
  })
})

describe('picture URLs', () => {
  it.each([
    ['authgearimages:///app/obj', true],
    ['https://cdn.example/a.png', true],
    ['http://127.0.0.1:3000/_images/app/obj/profile', true],
    ['data:image/png;base64,AAAA', false],
    ['javascript:alert(1)', false],
    ['/relative.png', false],
    ['https://u:p@host/x.png', false],
  ])('%s is writable: %s', (value, expected) => {
    expect(isWritablePictureUrl(value)).toBe(expected)
  })

  it('recognises the read-back URL of the stored object only', () => {
    const stored = 'authgearimages:///app/obj'
    expect(isReadBackUrlOf('https://app.authgear.cloud/_images/app/obj/profile', stored)).toBe(true)
    expect(isReadBackUrlOf('https://app.authgear.cloud/_images/app/other/profile', stored)).toBe(false)
    expect(isReadBackUrlOf(undefined, stored)).toBe(false)
  })
})

describe('toDisplayableImageUrl', () => {
  it.each([
    ['https://example.com/_images/app/obj/profile', 'https://example.com/_images/app/obj/profile'],
    ['http://127.0.0.1:4000/a.png', 'http://127.0.0.1:4000/a.png'],
    ['javascript:alert(1)', undefined],
    ['data:image/png;base64,AAAA', undefined],
    ['authgearimages:///app/obj', undefined],
    ['not a url', undefined],
    [42, undefined],
  ])('%s → %s', (value, expected) => {
    expect(toDisplayableImageUrl(value)).toBe(expected)
  })
})
