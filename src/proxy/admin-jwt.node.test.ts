import { exportPKCS8, generateKeyPair, jwtVerify, decodeProtectedHeader } from 'jose'
import { describe, expect, it } from 'vitest'
import { createAdminJwtSigner } from './admin-jwt.ts'

const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
const pem = await exportPKCS8(privateKey)

describe('createAdminJwtSigner', () => {
  it('signs an RS256 token with kid, aud = app id, iat and a 5 minute exp from a PKCS#8 PEM', async () => {
    const sign = createAdminJwtSigner({ appId: 'my-app', keyId: 'key-1', privateKey: pem })
    const token = await sign()
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' })
    const { payload } = await jwtVerify(token, publicKey, { audience: 'my-app' })
    expect(payload.exp! - payload.iat!).toBe(300)
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(5)
  })

  it('accepts a CryptoKey too', async () => {
    const token = await createAdminJwtSigner({ appId: 'a', keyId: 'k', privateKey })()
    await expect(jwtVerify(token, publicKey, { audience: 'a' })).resolves.toBeTruthy()
  })

  it('reuses a token until it is near expiry, then signs a new one', async () => {
    let now = 1_800_000_000_000
    const sign = createAdminJwtSigner({ appId: 'a', keyId: 'k', privateKey: pem, now: () => now })
    const first = await sign()
    now += 200_000
    expect(await sign()).toBe(first)
    now += 50_000 // 250 s old: less than 60 s left
    const second = await sign()
    expect(second).not.toBe(first)
    const { payload } = await jwtVerify(second, publicKey, { audience: 'a', currentDate: new Date(now) })
    expect(payload.iat).toBe(Math.floor(now / 1000))
  })

  it('shares one signing between concurrent callers', async () => {
    const sign = createAdminJwtSigner({ appId: 'a', keyId: 'k', privateKey: pem })
    const tokens = await Promise.all([sign(), sign(), sign()])
    expect(new Set(tokens).size).toBe(1)
  })

  it('rejects when the PEM is not a private key, and tries again next time', async () => {
    const sign = createAdminJwtSigner({ appId: 'a', keyId: 'k', privateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' })
    await expect(sign()).rejects.toThrow()
    await expect(sign()).rejects.toThrow()
  })
})
