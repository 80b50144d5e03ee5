/** Reading request bodies without ever holding more than a bound in memory. */

/** The bytes read, and whether the body went past the limit (then `bytes` is only its start). */
export interface BoundedBody {
  bytes: Uint8Array
  exceeded: boolean
}

/**
 * Reads the body until its end or until more than `limit` bytes arrived. On
 * overflow it stops reading and cancels the stream (the Node wrapper then
 * discards the rest so the client still gets the answer).
 */
export async function readBodyBounded(request: Request, limit: number): Promise<BoundedBody> {
  if (!request.body) return { bytes: new Uint8Array(0), exceeded: false }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    chunks.push(value)
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return { bytes: concat(chunks, total), exceeded: true }
    }
  }
  return { bytes: concat(chunks, total), exceeded: false }
}

/** Reads up to `count` bytes (for `cut` faults: the upload is under way when the connection drops). */
export async function readSome(request: Request, count: number): Promise<void> {
  if (!request.body) return
  const reader = request.body.getReader()
  let total = 0
  while (total < count) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }))
    if (done) return
    total += value.byteLength
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
