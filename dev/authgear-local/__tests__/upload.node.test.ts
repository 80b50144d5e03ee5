import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../index.ts'
import { filePart, multipart, postForm, presign, rawRequest, useLocalAuthgear, type ErrorBody, type Part } from './helpers.ts'

const fixture = useLocalAuthgear({ allowedOrigins: ['https://dashboard.example.com'] })

const bytes = (length: number, fill = 0xab): Uint8Array => new Uint8Array(length).fill(fill)

async function expectError(response: Response, status: number, name: string, reason: string, message?: string): Promise<ErrorBody> {
  expect(response.status).toBe(status)
  const body = (await response.json()) as ErrorBody
  expect(body.error).toMatchObject({ name, reason, code: status })
  if (message !== undefined) expect(body.error.message).toBe(message)
  return body
}

function replaceParam(url: string, name: string, value: string): string {
  const parsed = new URL(url)
  parsed.searchParams.set(name, value)
  return parsed.toString()
}

describe('presigned upload URL', () => {
  it('has exactly the shape Authgear returns', async () => {
    const url = await presign(fixture.local)
    const pattern = new RegExp(
      `^${fixture.local.url}/_images/dev-app/[0-9a-f-]{36}\\?x-authgear-algorithm=HMAC-SHA256&x-authgear-date=2025-03-01T12%3A00%3A00Z` +
        '&x-authgear-expires=900&x-authgear-metadata=[A-Za-z0-9_-]+&x-authgear-signature=[0-9a-f]{64}&x-authgear-signedheaders=host$',
    )
    expect(url).toMatch(pattern)
    const metadata = new URL(url).searchParams.get('x-authgear-metadata') as string
    expect(metadata).not.toContain('=')
    expect(JSON.parse(Buffer.from(metadata, 'base64url').toString('utf8'))).toEqual({ uploaded_by: 'admin_api' })
  })

  it('escapes & in the raw JSON body as Go does (\\u0026)', async () => {
    const response = await fetch(`${fixture.local.url}/_api/admin/images/upload`, {
      headers: { Authorization: `Bearer ${await fixture.local.mintAdminJwt()}` },
    })
    const text = await response.text()
    expect(text).toContain('\\u0026x-authgear-date=')
    expect(text).not.toContain('&')
  })
})

describe('upload: signature and expiry', () => {
  it('stores a file and answers authgearimages:///APP/OBJECT', async () => {
    const url = await presign(fixture.local)
    const objectId = new URL(url).pathname.split('/')[3]
    const response = await postForm(url, [filePart(bytes(1234))])
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ result: { url: `authgearimages:///dev-app/${objectId}` } })
  })

  it('refuses a second upload to the same URL with 409 DuplicatedImage', async () => {
    const url = await presign(fixture.local)
    expect((await postForm(url, [filePart(bytes(10))])).status).toBe(200)
    await expectError(await postForm(url, [filePart(bytes(10))]), 409, 'AlreadyExists', 'DuplicatedImage', 'duplicated image')
  })

  it('accepts the URL 900 s after signing and refuses it 901 s after (ExpiredSignature)', async () => {
    const first = await presign(fixture.local)
    const second = await presign(fixture.local)
    fixture.clock.advanceSeconds(900)
    expect((await postForm(first, [filePart(bytes(10))])).status).toBe(200)
    fixture.clock.advanceSeconds(1)
    await expectError(await postForm(second, [filePart(bytes(10))]), 400, 'Invalid', 'ExpiredSignature', 'expired signature')
  })

  it.each([
    ['x-authgear-expires', '3600'],
    ['x-authgear-metadata', Buffer.from('{"uploaded_by":"user","user_id":"x"}').toString('base64url')],
    ['x-authgear-algorithm', 'HMAC-SHA2561'],
  ])('refuses the URL when %s is changed (InvalidSignature)', async (name, value) => {
    const url = replaceParam(await presign(fixture.local), name, value)
    const body = await expectError(await postForm(url, [filePart(bytes(10))]), 400, 'Invalid', 'InvalidSignature', 'invalid signature')
    expect(body.error.info?.canonical_request).toContain(`host:${new URL(fixture.local.url).host}`)
  })

  it('refuses the URL with an extra query parameter', async () => {
    const url = `${await presign(fixture.local)}&size=large`
    await expectError(await postForm(url, [filePart(bytes(10))]), 400, 'Invalid', 'InvalidSignature')
  })

  it('refuses the URL with a parameter removed', async () => {
    const parsed = new URL(await presign(fixture.local))
    parsed.searchParams.delete('x-authgear-metadata')
    await expectError(await postForm(parsed.toString(), [filePart(bytes(10))]), 400, 'Invalid', 'InvalidSignature')
  })

  it('refuses the URL posted to another object id', async () => {
    const url = (await presign(fixture.local)).replace(/_images\/dev-app\/[0-9a-f-]{36}/, `_images/dev-app/${crypto.randomUUID()}`)
    await expectError(await postForm(url, [filePart(bytes(10))]), 400, 'Invalid', 'InvalidSignature')
  })

  it.each([
    ['x-authgear-signature', 'not-hex', 'invalid x-authgear-signature'],
    ['x-authgear-date', '2025-03-01 12:00:00', 'invalid x-authgear-date'],
    ['x-authgear-expires', 'soon', 'invalid x-authgear-expires'],
  ])('answers InvalidSignatureQueryParam for a malformed %s', async (name, value, message) => {
    const url = replaceParam(await presign(fixture.local), name, value)
    await expectError(await postForm(url, [filePart(bytes(10))]), 400, 'Invalid', 'InvalidSignatureQueryParam', message)
  })

  it('refuses a request whose Host header differs from the signed host (what a proxy must preserve)', async () => {
    const url = await presign(fixture.local)
    const port = new URL(fixture.local.url).port
    const { body, contentType } = multipart([filePart(bytes(10))])
    const asSigned = await rawRequest(url, { method: 'POST', headers: { 'Content-Type': contentType }, body })
    expect(asSigned.status).toBe(200)
    const other = await presign(fixture.local)
    const otherHost = await rawRequest(other, { method: 'POST', headers: { 'Content-Type': contentType, Host: `localhost:${port}` }, body })
    expect(otherHost.status).toBe(400)
    expect(JSON.parse(otherHost.text).error.reason).toBe('InvalidSignature')
  })

  it('checks the signature before anything else: a bad signature wins over a bad body', async () => {
    const url = replaceParam(await presign(fixture.local), 'x-authgear-expires', '1')
    const response = await fetch(url, { method: 'POST', body: 'not multipart', headers: { 'Content-Type': 'text/plain' } })
    await expectError(response, 400, 'Invalid', 'InvalidSignature')
  })
})

describe('upload: the form', () => {
  it('accepts exactly 10,485,760 bytes', async () => {
    const response = await postForm(await presign(fixture.local), [filePart(bytes(MAX_UPLOAD_BYTES))])
    expect(response.status).toBe(200)
  })

  it('refuses 10,485,761 bytes with "asset too large"', async () => {
    const response = await postForm(await presign(fixture.local), [filePart(bytes(MAX_UPLOAD_BYTES + 1))])
    const body = await expectError(response, 400, 'BadRequest', 'BadRequest', 'asset too large')
    expect(body).toEqual({ error: { name: 'BadRequest', reason: 'BadRequest', message: 'asset too large', code: 400 } })
  })

  it('accepts a 1-byte file and refuses an empty one with "asset too large"', async () => {
    expect((await postForm(await presign(fixture.local), [filePart(bytes(1))])).status).toBe(200)
    await expectError(await postForm(await presign(fixture.local), [filePart(bytes(0))]), 400, 'BadRequest', 'BadRequest', 'asset too large')
  })

  it('stops reading a body far over the limit and still answers "asset too large"', async () => {
    const response = await postForm(await presign(fixture.local), [filePart(bytes(MAX_UPLOAD_BYTES * 3))])
    await expectError(response, 400, 'BadRequest', 'BadRequest', 'asset too large')
  })

  it('does not check that the bytes are an image: a text file is stored', async () => {
    const url = await presign(fixture.local)
    const response = await postForm(url, [{ name: 'file', filename: 'notes.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hello') }])
    expect(response.status).toBe(200)
    expect(fixture.local.stats().uploadsStored).toBe(1)
  })

  it('refuses two file parts named differently ("expected exactly 1 file part")', async () => {
    const parts: Part[] = [filePart(bytes(10)), { ...filePart(bytes(10)), name: 'file2' }]
    await expectError(await postForm(await presign(fixture.local), parts), 400, 'Invalid', 'Invalid', 'expected exactly 1 file part')
  })

  it('refuses two file parts both named file ("invalid file field")', async () => {
    const parts: Part[] = [filePart(bytes(10)), filePart(bytes(10))]
    await expectError(await postForm(await presign(fixture.local), parts), 400, 'Invalid', 'Invalid', 'invalid file field')
  })

  it('refuses a single file part named otherwise ("invalid file field")', async () => {
    const parts: Part[] = [{ ...filePart(bytes(10)), name: 'image' }]
    await expectError(await postForm(await presign(fixture.local), parts), 400, 'Invalid', 'Invalid', 'invalid file field')
  })

  it('counts a part without filename as a field, not a file ("expected exactly 1 file part")', async () => {
    const parts: Part[] = [{ name: 'file', bytes: bytes(10) }]
    await expectError(await postForm(await presign(fixture.local), parts), 400, 'Invalid', 'Invalid', 'expected exactly 1 file part')
  })

  it('ignores extra non-file fields next to the file', async () => {
    const parts: Part[] = [{ name: 'note', bytes: new TextEncoder().encode('hi') }, filePart(bytes(10))]
    expect((await postForm(await presign(fixture.local), parts)).status).toBe(200)
  })

  it.each([
    ['a raw body', 'image/jpeg'],
    ['a urlencoded form', 'application/x-www-form-urlencoded'],
    ['no content type', ''],
  ])('refuses %s ("invalid content-type")', async (_, contentType) => {
    const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {}
    const response = await fetch(await presign(fixture.local), { method: 'POST', body: bytes(10) as BodyInit, headers })
    await expectError(response, 400, 'Invalid', 'Invalid', 'invalid content-type')
  })

  it('answers "missing metadata" for a signed URL without x-authgear-metadata', async () => {
    const url = await fixture.local.app.signUploadUrl({ metadata: null })
    await expectError(await postForm(url, [filePart(bytes(10))]), 400, 'Invalid', 'Invalid', 'missing metadata')
  })

  it('accepts a browser FormData upload', async () => {
    const form = new FormData()
    form.append('file', new Blob([bytes(2048) as BlobPart], { type: 'image/png' }), 'crop.png')
    const response = await fetch(await presign(fixture.local), { method: 'POST', body: form })
    expect(response.status).toBe(200)
  })
})

describe('upload: CORS', () => {
  it.each([['own origin', () => fixture.local.url], ['configured origin', () => 'https://dashboard.example.com']])(
    'answers the preflight and the upload for the %s',
    async (_, origin) => {
      const url = await presign(fixture.local)
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: { Origin: origin(), 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      })
      expect(preflight.status).toBe(200)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin())
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST')
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
      const upload = await postForm(url, [filePart(bytes(10))], { Origin: origin() })
      expect(upload.headers.get('access-control-allow-origin')).toBe(origin())
    },
  )

  it('gives no CORS headers to an origin it does not allow (the dashboard must go through its backend)', async () => {
    const url = await presign(fixture.local)
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example.org', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    const upload = await postForm(url, [filePart(bytes(10))], { Origin: 'https://elsewhere.example.org' })
    expect(upload.headers.get('access-control-allow-origin')).toBeNull()
    expect(upload.headers.get('vary')).toContain('Origin')
  })
})
