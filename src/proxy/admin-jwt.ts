import { SignJWT, importPKCS8 } from 'jose'

/** Options of {@link createAdminJwtSigner}. */
export interface AdminJwtSignerOptions {
  /** The Authgear app (project) id: the token's `aud`. */
  appId: string
  /** The key id Authgear's portal shows for the Admin API key: the token's `kid`. */
  keyId: string
  /** The private key as the portal gives it (PKCS#8 PEM), or an RS256 signing `CryptoKey`. */
  privateKey: string | CryptoKey
  /**
   * Lifetime of each token in seconds.
   * @default 300
   */
  lifetimeSeconds?: number
  /**
   * A token is signed anew once less than this is left of it.
   * @default 60
   */
  renewBeforeSeconds?: number
  /**
   * The clock, in ms since the epoch.
   * @default Date.now
   */
  now?: () => number
}

/** Returns a valid admin JWT, signing a new one only when the cached one is near expiry. */
export type AdminJwtSigner = () => Promise<string>

/**
 * Signs short-lived RS256 admin JWTs for Authgear's Admin API (`aud` = app id,
 * `iat`, `exp`, `kid`), cached and shared by concurrent callers.
 */
export function createAdminJwtSigner(options: AdminJwtSignerOptions): AdminJwtSigner {
  const lifetime = options.lifetimeSeconds ?? 300
  const renewBefore = Math.min(options.renewBeforeSeconds ?? 60, lifetime / 2)
  const now = options.now ?? Date.now
  let key: Promise<CryptoKey> | undefined
  let cached: { token: Promise<string>; expiresAt: number } | undefined

  const loadKey = () => {
    key ??= typeof options.privateKey === 'string' ? importPKCS8(options.privateKey, 'RS256') : Promise.resolve(options.privateKey)
    return key
  }

  async function sign(issuedAt: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.keyId })
      .setAudience(options.appId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .sign(await loadKey())
  }

  return () => {
    const seconds = Math.floor(now() / 1000)
    if (cached === undefined || cached.expiresAt - seconds <= renewBefore) {
      const token = sign(seconds)
      const entry = { token, expiresAt: seconds + lifetime }
      cached = entry
      // A failed signing is not cached: the next request tries again.
      token.catch(() => {
        if (cached === entry) cached = undefined
      })
    }
    return cached.token
  }
}
