import { generateKeyPair, importPKCS8, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { useLocalAuthgear } from './helpers.ts'

const fixture = useLocalAuthgear()

const ADMIN_PATHS = ['/_api/admin/images/upload', '/_api/admin/graphql'] as const

async function callWith(path: string, token: string | undefined, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extraHeaders }
  if (token !== undefined) headers.Authorization = `Bearer ${token}`
  const init: RequestInit = path.endsWith('graphql')
    ? { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) }
    : { method: 'GET', headers }
  return fetch(`${fixture.local.url}${path}`, init)
}

async function expectForbidden(response: Response): Promise<void> {
  expect(response.status).toBe(403)
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  // Go's http.Error: the text plus a newline. Never JSON, never 401.
  expect(await response.text()).toBe('Forbidden\n')
}

/** A token signed with the dev key but with hand-picked claims. */
async function tokenWith(claims: { aud?: string; exp?: number; iat?: number; nbf?: number }, header: { kid?: string } = {}): Promise<string> {
  const key = await importPKCS8(fixture.local.privateKeyPem, 'RS256')
  const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...('kid' in header ? header : { kid: fixture.local.keyId }) })
  return jwt.sign(key)
}

const nowSeconds = () => Math.floor(fixture.clock.now() / 1000)

describe('Admin API authentication', () => {
  it.each(ADMIN_PATHS)('accepts a valid RS256 admin JWT on %s', async (path) => {
    const response = await callWith(path, await fixture.local.mintAdminJwt())
    expect(response.status).toBe(200)
  })

  it.each(ADMIN_PATHS)('answers 403 text/plain "Forbidden" without a token on %s', async (path) => {
    await expectForbidden(await callWith(path, undefined))
  })

  it('refuses a scheme other than exactly "Bearer "', async () => {
    const token = await fixture.local.mintAdminJwt()
    const response = await fetch(`${fixture.local.url}/_api/admin/images/upload`, { headers: { Authorization: `bearer ${token}` } })
    await expectForbidden(response)
  })

  it('refuses a token for another app (wrong aud)', async () => {
    await expectForbidden(await callWith(ADMIN_PATHS[0], await fixture.local.mintAdminJwt({ audience: 'other-app' })))
  })

  it('refuses a token whose kid is not the key id', async () => {
    await expectForbidden(await callWith(ADMIN_PATHS[0], await fixture.local.mintAdminJwt({ keyId: 'not-the-key' })))
  })

  it('refuses a token with no kid at all', async () => {
    const token = await tokenWith({ aud: fixture.local.appId, exp: nowSeconds() + 60 }, { kid: undefined })
    await expectForbidden(await callWith(ADMIN_PATHS[0], token))
  })

  it('refuses a token without exp', async () => {
    await expectForbidden(await callWith(ADMIN_PATHS[0], await tokenWith({ aud: fixture.local.appId, iat: nowSeconds() })))
  })

  it('accepts a token expired by less than the 5 minute clock skew', async () => {
    const token = await fixture.local.mintAdminJwt({ expiresInSeconds: 60 })
    fixture.clock.advanceSeconds(60 + 299)
    expect((await callWith(ADMIN_PATHS[0], token)).status).toBe(200)
  })

  it('refuses a token expired by more than the 5 minute clock skew', async () => {
    const token = await fixture.local.mintAdminJwt({ expiresInSeconds: 60 })
    fixture.clock.advanceSeconds(60 + 301)
    await expectForbidden(await callWith(ADMIN_PATHS[0], token))
  })

  it('refuses a token not valid until beyond the skew (nbf)', async () => {
    const token = await tokenWith({ aud: fixture.local.appId, exp: nowSeconds() + 3600, nbf: nowSeconds() + 600 })
    await expectForbidden(await callWith(ADMIN_PATHS[0], token))
  })

  it('refuses an HS256 token, even one keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(fixture.local.publicJwk))
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: fixture.local.keyId })
      .setAudience(fixture.local.appId)
      .setExpirationTime(nowSeconds() + 60)
      .sign(secret)
    await expectForbidden(await callWith(ADMIN_PATHS[0], token))
  })

  it('refuses a token signed by another RSA key that claims the right kid', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: fixture.local.keyId })
      .setAudience(fixture.local.appId)
      .setExpirationTime(nowSeconds() + 60)
      .sign(privateKey)
    await expectForbidden(await callWith(ADMIN_PATHS[0], token))
  })

  it('refuses a token whose signature was tampered with', async () => {
    const token = await fixture.local.mintAdminJwt()
    const [header, payload, signature] = token.split('.') as [string, string, string]
    // The first character: all six of its bits are signature bits. The last ones are not
    // (a 256-byte signature leaves padding bits there), so changing them may change nothing.
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    await expectForbidden(await callWith(ADMIN_PATHS[0], `${header}.${payload}.${flipped}`))
  })
})

describe('Admin API and browsers', () => {
  it.each(ADMIN_PATHS)('sends no CORS headers on %s, even to the server’s own origin', async (path) => {
    const ok = await callWith(path, await fixture.local.mintAdminJwt(), { Origin: fixture.local.url })
    const forbidden = await callWith(path, undefined, { Origin: fixture.local.url })
    for (const response of [ok, forbidden]) {
      const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'))
      expect(cors).toEqual([])
    }
    expect(ok.status).toBe(200)
  })

  it.each(ADMIN_PATHS)('answers a CORS preflight (OPTIONS) on %s with 405 and no CORS headers', async (path) => {
    const response = await fetch(`${fixture.local.url}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: fixture.local.url, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers other methods on the Admin API with 405', async () => {
    const response = await fetch(`${fixture.local.url}/_api/admin/graphql`, { method: 'PUT', body: '{}' })
    expect(response.status).toBe(405)
  })
})
