import { describe, expect, it } from 'vitest'
import { withPicture } from './standard-attributes.ts'

const current = {
  email: 'ada@example.com',
  email_verified: true,
  phone_number: '+85298765432',
  phone_number_verified: false,
  name: 'Ada',
  picture: 'https://app.authgear.cloud/_images/app/old/profile',
  address: { locality: 'London', country: 'GB' },
  updated_at: 1700000000,
}

describe('withPicture', () => {
  it('sets the picture, keeps every other writable key and drops the derived ones', () => {
    expect(withPicture(current, 'authgearimages:///app/new')).toEqual({
      email: 'ada@example.com',
      phone_number: '+85298765432',
      name: 'Ada',
      picture: 'authgearimages:///app/new',
      address: { locality: 'London', country: 'GB' },
    })
  })

  it('removes the picture key (not an empty string) with null', () => {
    const next = withPicture(current, null)
    expect('picture' in next).toBe(false)
    expect(next.name).toBe('Ada')
  })

  it('does not change the object it read', () => {
    const copy = structuredClone(current)
    withPicture(current, null)
    expect(current).toEqual(copy)
  })
})
