import { describe, expect, it } from 'vitest'
import { UpdateUserStandardAttributesDocument, UserStandardAttributesDocument } from '../core/operations.ts'
import { isPictureWrite, judgePictureWrite } from './picture-write.ts'

const current = {
  email: 'dmitri@example.com',
  email_verified: true,
  name: 'Dmitri',
  address: { locality: 'Hong Kong', country: 'HK' },
  picture: 'https://app.example.com/_images/my-app/old-object/profile',
  updated_at: 1_700_000_000,
}
const { email_verified: _verified, updated_at: _updated, ...writable } = current

describe('isPictureWrite', () => {
  it("recognises the library's write, also as urql sends it, and nothing else", () => {
    expect(isPictureWrite(UpdateUserStandardAttributesDocument)).toBe(true)
    expect(isPictureWrite(UpdateUserStandardAttributesDocument.replace('user {', 'user { __typename'))).toBe(true)
    expect(isPictureWrite(UserStandardAttributesDocument)).toBe(false)
    expect(isPictureWrite('not graphql {')).toBe(false)
  })
})

describe('judgePictureWrite', () => {
  it.each([
    ['a new image of this app', { ...writable, picture: 'authgearimages:///my-app/0a4c4f0e-6d2c-4d7b-9b5e-6a1f3c2d1e0f' }],
    ['no picture (removal)', (({ picture: _p, ...rest }) => rest)(writable)],
    ['the current picture, as read back', writable],
    ['the derived keys sent back or left out', { ...current, picture: 'authgearimages:///my-app/abc' }],
  ])('lets %s through', (_, requested) => {
    expect(judgePictureWrite(requested, current, 'my-app')).toBeUndefined()
  })

  it.each([
    ['a changed name', { ...writable, name: 'Mallory' }],
    ['a removed email', (({ email: _e, ...rest }) => rest)(writable)],
    ['an added attribute', { ...writable, website: 'https://evil.example' }],
    ['a changed nested address', { ...writable, address: { locality: 'Macau', country: 'HK' } }],
    ['a null where a value is', { ...writable, name: null }],
  ])('refuses %s as ProxyAttributesChanged', (_, requested) => {
    expect(judgePictureWrite(requested, current, 'my-app')?.reason).toBe('ProxyAttributesChanged')
  })

  it.each([
    ['an external URL', 'https://tracker.example.com/p.png'],
    ["another app's image", 'authgearimages:///other-app/abc'],
    ['a script URL', 'javascript:alert(1)'],
    ['an image URL with a path after the object', 'authgearimages:///my-app/abc/../../x'],
    ['a number', 42],
  ])('refuses %s as ProxyPictureNotAllowed', (_, picture) => {
    expect(judgePictureWrite({ ...writable, picture }, current, 'my-app')?.reason).toBe('ProxyPictureNotAllowed')
  })
})
