/** Thrown (and used as the stream's error) when a request body passes its cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/** Whether a declared `content-length` already passes `limit`. */
export function declaresTooLarge(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  return Number.isFinite(declared) && declared > limit
}

/**
 * Passes `body` through unbuffered, erroring with {@link BodyTooLargeError} as
 * soon as more than `limit` bytes went by (a `content-length` can lie or be absent).
 */
export function capStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let seen = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > limit) controller.error(new BodyTooLargeError(limit))
        else controller.enqueue(chunk)
      },
    }),
  )
}

/** Reads a whole request body as UTF-8, refusing with {@link BodyTooLargeError} past `limit` bytes. */
export async function readCappedText(request: Request, limit: number): Promise<string> {
  if (declaresTooLarge(request, limit)) throw new BodyTooLargeError(limit)
  if (request.body === null) return ''
  const chunks: Uint8Array[] = []
  let seen = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    seen += value.byteLength
    if (seen > limit) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError(limit)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(seen)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
