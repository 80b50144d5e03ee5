import { exportJWK, exportPKCS8, generateKeyPair, importJWK, importPKCS8, SignJWT } from 'jose'

/**
 * The dev Admin API key pair, in the shape the Authgear portal hands it out:
 * a PKCS#8 PEM private key and its key id. Persisted as JSON by the Node
 * wrapper so restarts keep tokens valid.
 */
export interface AdminKeyMaterial {
  keyId: string
  privateKeyPem: string
  publicJwk: JsonWebKey
}

/** A fresh RS256 key pair with a random `kid`. */
export async function createAdminKeyMaterial(): Promise<AdminKeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 })
  const keyId = crypto.randomUUID()
  const publicJwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' } as JsonWebKey
  return { keyId, privateKeyPem: await exportPKCS8(privateKey), publicJwk }
}

/** Checks a parsed key file; throws with a readable message when it is not one. */
export function parseAdminKeyMaterial(value: unknown): AdminKeyMaterial {
  const record = value as Partial<AdminKeyMaterial> | null
  if (
    !record ||
    typeof record.keyId !== 'string' ||
    typeof record.privateKeyPem !== 'string' ||
    typeof record.publicJwk !== 'object' ||
    record.publicJwk === null
  ) {
    throw new Error('admin key file must hold { keyId, privateKeyPem, publicJwk }')
  }
  return { keyId: record.keyId, privateKeyPem: record.privateKeyPem, publicJwk: record.publicJwk }
}

/** The verifying key of the material. */
export async function importAdminPublicKey(material: AdminKeyMaterial): Promise<CryptoKey> {
  return (await importJWK(material.publicJwk as Parameters<typeof importJWK>[0], 'RS256')) as CryptoKey
}

/** Options of {@link mintAdminJwt}. */
export interface MintAdminJwtOptions {
  /** Lifetime from `now`, in seconds. @default 300 */
  expiresInSeconds?: number
  /** `aud` claim. @default the app id */
  audience?: string
  /** `kid` header. @default the material's key id */
  keyId?: string
}

/**
 * An admin JWT as a dashboard backend would sign it: RS256, `kid`, `aud`,
 * `iat` and `exp`, timed by the injected clock so tests can travel in time.
 */
export async function mintAdminJwt(
  material: AdminKeyMaterial,
  appId: string,
  nowMs: number,
  options: MintAdminJwtOptions = {},
): Promise<string> {
  const privateKey = await importPKCS8(material.privateKeyPem, 'RS256')
  const nowSeconds = Math.floor(nowMs / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: options.keyId ?? material.keyId, typ: 'JWT' })
    .setAudience(options.audience ?? appId)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + (options.expiresInSeconds ?? 300))
    .sign(privateKey)
}
