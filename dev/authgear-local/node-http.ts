import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthgearHandler } from './types.ts'

/**
 * Adapts a Fetch-API handler to `node:http`: the request body is streamed in
 * (never buffered here), the response streamed out. A handler that stops
 * reading a body early (an oversized upload) still gets its answer to the
 * client: the rest of the body is read and discarded, up to a bound.
 */

// After this much discarded body, the connection is dropped instead.
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024

interface BodyAdapter {
  stream: ReadableStream<Uint8Array>
  /** Discards whatever the handler did not read. */
  discardRest(): void
}

function bodyAdapter(req: IncomingMessage): BodyAdapter {
  let discarding = false
  let discarded = 0
  let closed = false
  const discard = () => {
    if (discarding) return
    discarding = true
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.byteLength
      if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy()
    })
    req.resume()
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (discarding || closed) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.on('end', () => {
          if (discarding || closed) return
          closed = true
          controller.close()
        })
        req.on('error', (error) => {
          if (closed) return
          closed = true
          try {
            controller.error(error)
          } catch {
            // already cancelled
          }
        })
        req.pause()
      },
      pull() {
        if (!discarding) req.resume()
      },
      cancel() {
        closed = true
        discard()
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  )
  return { stream, discardRest: discard }
}

/** Builds the `Request` for an incoming message; `undefined` when its `Host` cannot form a URL. */
function toRequest(req: IncomingMessage, fallbackHost: string, body: BodyAdapter, signal: AbortSignal): Request | undefined {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string
    if (name.startsWith(':')) continue
    try {
      headers.append(name, req.rawHeaders[i + 1] as string)
    } catch {
      return undefined
    }
  }
  const host = req.headers.host ?? fallbackHost
  let url: URL
  try {
    // The URL carries the Host as sent: the upload signature covers it.
    const target = req.url?.startsWith('/') ? req.url : '/'
    url = new URL(`http://${host}${target}`)
  } catch {
    return undefined
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    body: hasBody ? body.stream : undefined,
    duplex: 'half',
    signal,
  } as RequestInit & { duplex: 'half' })
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve))
      if (res.destroyed) break
    }
  } finally {
    reader.releaseLock()
  }
  res.end()
}

/** A `node:http` request listener serving the handler. */
export function nodeListener(handler: AuthgearHandler, fallbackHost: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const body = bodyAdapter(req)
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    const request = toRequest(req, fallbackHost(), body, abort.signal)
    if (!request) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
      res.end('400 Bad Request')
      return
    }
    const destroyConnection = () => req.socket.destroy()
    handler(request, { remoteAddress: req.socket.remoteAddress, destroyConnection })
      .then(async (response) => {
        if (response.type === 'error') {
          destroyConnection()
          return
        }
        await writeResponse(response, res)
        if (!req.complete) body.discardRest()
      })
      .catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
          res.end('500 Internal Server Error')
        } else {
          res.destroy()
        }
      })
  }
}
