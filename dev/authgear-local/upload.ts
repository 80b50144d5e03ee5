import {
  ApiError,
  apiErrorResponse,
  jsonResponse,
  newBadRequest,
  newInvalid,
  unexpectedError,
  validationFailed,
  type ValidationCause,
} from './api-errors.ts'
import { readBodyBounded } from './body.ts'
import { base64UrlDecode, fromUtf8, goParseQuery, goQueryGet } from './go-compat.ts'
import { parseMediaType, parseMultipartForm } from './multipart.ts'
import type { UploadUrlSigner } from './presign.ts'
import { aggregatedErrorText } from './standard-attributes.ts'
import type { ObjectStore } from './types.ts'

/** Largest file part Authgear stores: 10 MiB, inclusive (`MaxContentLength`). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/**
 * Bodies longer than this are refused without reading on: no multipart
 * overhead comes near 1 MiB, so such a body cannot hold an acceptable file.
 */
export const UPLOAD_BODY_HARD_LIMIT = MAX_UPLOAD_BYTES + 1024 * 1024

const assetTooLarge = (): ApiError => newBadRequest('asset too large')

/** Authgear's `FileMetaSchema` check of `x-authgear-metadata`. */
function decodeFileMetadata(encoded: string): Record<string, unknown> | ApiError {
  if (encoded === '') return newInvalid('missing metadata')
  const bytes = base64UrlDecode(encoded)
  // A base64 error is a plain Go error there: 500.
  if (!bytes) return unexpectedError()
  let value: unknown
  try {
    value = JSON.parse(fromUtf8(bytes))
  } catch {
    return unexpectedError()
  }
  const causes: ValidationCause[] = []
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    causes.push({ location: '', kind: 'type', details: { actual: [Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value], expected: ['object'] } })
  } else {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (key !== 'user_id' && key !== 'uploaded_by') causes.push({ location: `/${key}`, kind: '' })
    }
    if (!('uploaded_by' in record)) {
      causes.push({ location: '', kind: 'required', details: { actual: Object.keys(record).sort(), expected: ['uploaded_by'], missing: ['uploaded_by'] } })
    } else if (record.uploaded_by !== 'user' && record.uploaded_by !== 'admin_api') {
      causes.push({ location: '/uploaded_by', kind: 'enum', details: { expected: ['user', 'admin_api'] } })
    }
    if (record.uploaded_by === 'user' && typeof record.user_id !== 'string') {
      causes.push({ location: '', kind: 'required', details: { actual: Object.keys(record).sort(), expected: ['user_id'], missing: ['user_id'] } })
    }
  }
  if (causes.length > 0) return validationFailed('invalid file metadata', causes, aggregatedErrorText('invalid file metadata', causes))
  return value as Record<string, unknown>
}

/** What an upload needs from the app. */
export interface UploadDeps {
  signer: UploadUrlSigner
  store: ObjectStore
  now: () => number
  /** Signatures of URLs force-expired through the fault API. */
  isRevoked: (signature: string) => boolean
}

/**
 * `POST /_images/<APP>/<OBJECT>?<signed query>`, checked in Authgear's order:
 * signature and expiry, content type, the form (exactly one file part named
 * `file`), metadata, size (1..10 MiB), then one object per URL.
 * Returns the response and whether an object was stored.
 */
export async function handleUpload(
  request: Request,
  appId: string,
  objectId: string,
  deps: UploadDeps,
): Promise<{ response: Response; stored: boolean }> {
  const fail = (error: ApiError) => ({ response: apiErrorResponse(error), stored: false })
  const url = new URL(request.url)

  const signatureError = await deps.signer.verify(
    { method: request.method, path: url.pathname, rawQuery: url.search.slice(1), host: url.host },
    deps.now(),
    deps.isRevoked,
  )
  if (signatureError) return fail(signatureError)

  const mediaType = parseMediaType(request.headers.get('content-type') ?? '')
  if (!mediaType || mediaType.type !== 'multipart/form-data') return fail(newInvalid('invalid content-type'))
  const boundary = mediaType.params.get('boundary') ?? ''
  if (boundary === '') return fail(newInvalid('invalid boundary'))

  const body = await readBodyBounded(request, UPLOAD_BODY_HARD_LIMIT)
  if (body.exceeded) return fail(assetTooLarge())
  const form = parseMultipartForm(body.bytes, boundary)
  if (!form) return fail(newInvalid('failed to read request body'))

  if (form.files.size !== 1) return fail(newInvalid('expected exactly 1 file part'))
  const [fieldName, parts] = [...form.files.entries()][0] as [string, { bytes: Uint8Array; contentType?: string }[]]
  if (fieldName !== 'file' || parts.length !== 1) return fail(newInvalid('invalid file field'))
  const file = parts[0] as { bytes: Uint8Array; contentType?: string }

  const metadata = decodeFileMetadata(goQueryGet(goParseQuery(url.search.slice(1)), 'x-authgear-metadata'))
  if (metadata instanceof ApiError) return fail(metadata)

  if (file.bytes.byteLength <= 0 || file.bytes.byteLength > MAX_UPLOAD_BYTES) return fail(assetTooLarge())
  if (await deps.store.has(appId, objectId)) {
    return fail(new ApiError('AlreadyExists', 'DuplicatedImage', 'duplicated image', 409))
  }

  await deps.store.put(appId, objectId, {
    bytes: file.bytes,
    contentType: file.contentType,
    createdAt: deps.now(),
    metadata,
  })
  return { response: jsonResponse(200, { result: { url: `authgearimages:///${appId}/${objectId}` } }), stored: true }
}
