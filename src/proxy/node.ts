import type { AdminApiProxyHandler } from './handler.js'
import { isUnservedPath } from './responses.js'

// Structural stand-ins for node:http's IncomingMessage and ServerResponse, so the
// declarations of this Fetch-API entry do not need @types/node.

/** What the adapter reads of a Node `http.IncomingMessage` (or an Express/Connect request). */
export interface NodeRequest extends AsyncIterable<Uint8Array> {
  method?: string
  url?: string
  /** Express keeps the full path here when the handler is mounted with `app.use(path, ...)`. */
  originalUrl?: string
  headers: Record<string, string | string[] | undefined>
  socket?: object | null
  readableEnded: boolean
  /** Set by a body parser that ran first; the proxy then forwards it instead of the consumed stream. */
  body?: unknown
  destroy(error?: Error): unknown
}

/** What the adapter uses of a Node `http.ServerResponse`. */
export interface NodeResponse {
  statusCode: number
  readonly headersSent: boolean
  readonly destroyed: boolean
  readonly writableFinished: boolean
  setHeader(name: string, value: string): unknown
  write(chunk: Uint8Array): boolean
  end(): unknown
  destroy(error?: Error): unknown
  on(event: 'close' | 'drain', listener: () => void): unknown
  off(event: 'close' | 'drain', listener: () => void): unknown
}

/** `(req, res, next?) => void`: a Node `http` listener, or Express/Connect middleware. */
export type NodeHandler = (request: NodeRequest, response: NodeResponse, next?: (error?: unknown) => void) => void

// Nothing is read until the handler asks, so a request it passes to `next` keeps its body.
function lazyBody(request: NodeRequest): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array> | undefined
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= request[Symbol.asyncIterator]()
        const { done, value } = await iterator.next()
        // Node yields Buffers; a plain Uint8Array view keeps every Fetch implementation happy.
        if (done) controller.close()
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
      },
      async cancel() {
        await iterator?.return?.()
        request.destroy()
      },
    },
    { highWaterMark: 0 },
  )
}

function requestBody(request: NodeRequest): BodyInit | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  if (request.readableEnded && request.body !== undefined) {
    // A body parser got there first: forward what it parsed.
    const parsed = request.body
    if (typeof parsed === 'string') return parsed
    return parsed instanceof Uint8Array ? (parsed as Uint8Array<ArrayBuffer>) : JSON.stringify(parsed)
  }
  return lazyBody(request)
}

function toFetchRequest(request: NodeRequest, signal: AbortSignal): Request {
  const secure = (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted === true
  const host = typeof request.headers.host === 'string' ? request.headers.host : 'localhost'
  const url = `${secure ? 'https' : 'http'}://${host}${request.originalUrl ?? request.url ?? '/'}`
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    // HTTP/2 pseudo-headers are not headers.
    if (name.startsWith(':') || value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const body = requestBody(request)
  if (body !== undefined && request.readableEnded) headers.delete('content-length')
  return new Request(url, { method: request.method, headers, body, signal, duplex: 'half' } as RequestInit)
}

function drained(target: NodeResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      target.off('drain', done)
      target.off('close', done)
      resolve()
    }
    target.on('drain', done)
    target.on('close', done)
  })
}

// Pumped by hand rather than with node:stream so the entry imports nothing Node-only at run time.
async function writeResponse(response: Response, target: NodeResponse): Promise<void> {
  target.statusCode = response.status
  response.headers.forEach((value, name) => target.setHeader(name, value))
  if (response.body === null) {
    target.end()
    return
  }
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (target.destroyed) {
        await reader.cancel()
        return
      }
      if (!target.write(value)) await drained(target)
    }
    target.end()
  } catch {
    // Headers are gone already: cutting the connection is the only way to say the body broke.
    target.destroy()
  }
}

/**
 * Adapts a Fetch-API handler (such as {@link createAdminApiProxy}'s) to Node `http`,
 * Express and Connect, streaming both ways. Paths the proxy does not serve go to
 * `next` when there is one; mount it before any body parser.
 *
 * @example app.use('/api/avatar', toNodeHandler(createAdminApiProxy({ basePath: '/api/avatar', ... })))
 */
export function toNodeHandler(handler: AdminApiProxyHandler): NodeHandler {
  return (request, response, next) => {
    const disconnected = new AbortController()
    // The browser went away: stop talking to Authgear for it.
    response.on('close', () => {
      if (!response.writableFinished) disconnected.abort()
    })
    void (async () => {
      try {
        const answer = await handler(toFetchRequest(request, disconnected.signal))
        if (next && isUnservedPath(answer)) {
          next()
          return
        }
        await writeResponse(answer, response)
      } catch (error) {
        if (next) next(error)
        else if (!response.headersSent) {
          response.statusCode = 500
          response.end()
        } else response.destroy()
      }
    })()
  }
}
