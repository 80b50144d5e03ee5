import { jwtVerify, type JWTHeaderParameters } from 'jose'

/** How far a JWT's `exp` (and `nbf`, `iat`) may be off the server clock, in seconds. */
export const ADMIN_JWT_CLOCK_SKEW_SECONDS = 300

/** What the Admin API checks a bearer token against. */
export interface AdminJwtVerifier {
  /** The public half of the Admin API key. */
  publicKey: CryptoKey
  /** The key id the portal gave the key; a token must name it in `kid`. */
  keyId: string
  /** The token's `aud` must contain it. */
  appId: string
  now: () => number
}

// Authgear matches the header with this exact regexp (case-sensitive "Bearer ").
const AUTHORIZATION = /^Bearer (.*)$/

/**
 * Whether the request carries a valid admin JWT: RS256 signed by the key
 * whose `kid` it names, `aud` = app id, `exp` present and not past (allowing
 * the clock skew), `nbf`/`iat` not in the future.
 */
export async function isAuthorizedAdmin(request: Request, verifier: AdminJwtVerifier): Promise<boolean> {
  const match = AUTHORIZATION.exec(request.headers.get('authorization') ?? '')
  const token = match?.[1]
  if (!token) return false
  const now = new Date(verifier.now())
  try {
    const { payload } = await jwtVerify(
      token,
      (header: JWTHeaderParameters) => {
        if (header.kid !== verifier.keyId) throw new Error('unknown kid')
        return verifier.publicKey
      },
      {
        algorithms: ['RS256'],
        audience: verifier.appId,
        requiredClaims: ['exp'],
        clockTolerance: ADMIN_JWT_CLOCK_SKEW_SECONDS,
        currentDate: now,
      },
    )
    // jwx (which Authgear uses) refuses a token issued in the future; jose does not check `iat` by itself.
    if (typeof payload.iat === 'number' && payload.iat > now.getTime() / 1000 + ADMIN_JWT_CLOCK_SKEW_SECONDS) return false
    return true
  } catch {
    return false
  }
}
