import { abortedError, throwIfAborted } from './abort.js'
import { AdminApiError } from './errors.js'
import { fetchText, readResult, resolveHeaders, type TextResponse, type Transport } from './http.js'
import { parseStoredImageUrl, type UploadTarget } from './image-urls.js'

/** How the file travels: `xhr` reports upload progress, `fetch` only start and end. */
export type UploadTransport = 'auto' | 'fetch' | 'xhr'

/** Options of one upload request. */
export interface UploadRequest {
  url: string
  blob: Blob
  filename: string
  /** Send the consumer's headers and cookies (to the proxy), or nothing (to Authgear directly). */
  withConsumerCredentials: boolean
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

const FILE_EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

/** `avatar.<ext>` after the blob's type; Authgear ignores the name but some proxies log it. */
export function defaultUploadFilename(blob: Blob): string {
  return `avatar.${FILE_EXTENSIONS[blob.type] ?? 'bin'}`
}

/** The multipart body Authgear expects: exactly one part, named `file`. */
export function buildUploadForm(blob: Blob, filename: string): FormData {
  const form = new FormData()
  form.append('file', blob, filename)
  return form
}

/** Reads `result.url` of an upload answer and checks it names the object the URL was issued for. */
export function readUploadResponse(response: TextResponse, target: UploadTarget): string {
  return parseStoredImageUrl(readResult('upload', response).url, target)
}

/** Reports monotonic progress in 0..1, whatever order the events arrive in. */
function progressReporter(onProgress?: (fraction: number) => void): (fraction: number) => void {
  let last = -1
  return (fraction) => {
    const clamped = Math.min(1, Math.max(0, fraction))
    if (clamped <= last) return
    last = clamped
    onProgress?.(clamped)
  }
}

/** The consumer's headers for the proxy, none for Authgear; never a content type, which must carry the multipart boundary. */
async function uploadHeaders(transport: Transport, request: UploadRequest): Promise<Headers> {
  const headers = request.withConsumerCredentials ? await resolveHeaders(transport.headers) : new Headers()
  headers.delete('content-type')
  return headers
}

async function uploadWithFetch(transport: Transport, request: UploadRequest): Promise<TextResponse> {
  const headers = await uploadHeaders(transport, request)
  const report = progressReporter(request.onProgress)
  report(0)
  const response = await fetchText(transport, request.url, {
    method: 'POST',
    body: buildUploadForm(request.blob, request.filename),
    headers,
    credentials: request.withConsumerCredentials ? transport.credentials : 'omit',
    signal: request.signal,
  })
  if (response.ok) report(1)
  return response
}

async function uploadWithXhr(transport: Transport, request: UploadRequest): Promise<TextResponse> {
  const headers = await uploadHeaders(transport, request)
  const { signal } = request
  throwIfAborted(signal)
  const report = progressReporter(request.onProgress)
  return new Promise<TextResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const onAbortSignal = () => xhr.abort()
    const settle = () => signal?.removeEventListener('abort', onAbortSignal)
    xhr.open('POST', request.url)
    headers.forEach((value, name) => xhr.setRequestHeader(name, value))
    // Same-origin requests carry cookies anyway; only 'include' needs the flag.
    xhr.withCredentials = request.withConsumerCredentials && transport.credentials === 'include'
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) report(event.loaded / event.total)
    }
    xhr.onload = () => {
      settle()
      const ok = xhr.status >= 200 && xhr.status < 300
      if (ok) report(1)
      resolve({ status: xhr.status, ok, text: xhr.responseText })
    }
    xhr.onerror = () => {
      settle()
      reject(new AdminApiError('network', 'The upload did not complete'))
    }
    xhr.ontimeout = xhr.onerror
    xhr.onabort = () => {
      settle()
      reject(abortedError(signal))
    }
    signal?.addEventListener('abort', onAbortSignal, { once: true })
    report(0)
    xhr.send(buildUploadForm(request.blob, request.filename))
  })
}

/**
 * Posts one file and returns the `authgearimages:///APP/OBJECT` URL Authgear stored it as.
 * Uses XMLHttpRequest (for progress) when `mode` allows and it exists, else `fetch`.
 */
export async function postUpload(transport: Transport, mode: UploadTransport, target: UploadTarget, request: UploadRequest): Promise<string> {
  const useXhr = mode === 'xhr' || (mode === 'auto' && typeof XMLHttpRequest === 'function')
  const response = useXhr ? await uploadWithXhr(transport, request) : await uploadWithFetch(transport, request)
  return readUploadResponse(response, target)
}
