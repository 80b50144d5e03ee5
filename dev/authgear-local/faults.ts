import { readSome } from './body.ts'
import type { FaultRoute, FaultSpec, PendingFault, RequestContext } from './types.ts'

const ROUTES: readonly FaultRoute[] = ['upload-url', 'upload', 'graphql', 'images']

// A cut upload has sent this much before the connection drops.
const CUT_AFTER_BYTES = 64 * 1024

/** Checks a fault spec from JSON or code; throws a `TypeError` naming the bad field. */
export function parseFaultSpec(value: unknown): PendingFault {
  if (typeof value !== 'object' || value === null) throw new TypeError('fault must be an object')
  const spec = value as Record<string, unknown>
  if (!ROUTES.includes(spec.route as FaultRoute)) throw new TypeError(`route must be one of ${ROUTES.join(', ')}`)
  const times = spec.times ?? 1
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) throw new TypeError('times must be a positive integer')
  if (spec.status !== undefined && (typeof spec.status !== 'number' || !Number.isInteger(spec.status) || spec.status < 200 || spec.status > 599)) {
    throw new TypeError('status must be an integer in 200..599')
  }
  if (spec.body !== undefined && typeof spec.body !== 'string') throw new TypeError('body must be a string')
  if (spec.contentType !== undefined && typeof spec.contentType !== 'string') throw new TypeError('contentType must be a string')
  if (spec.latencyMs !== undefined && (typeof spec.latencyMs !== 'number' || !(spec.latencyMs >= 0))) {
    throw new TypeError('latencyMs must be a non-negative number')
  }
  if (spec.cut !== undefined && typeof spec.cut !== 'boolean') throw new TypeError('cut must be a boolean')
  if (spec.status === undefined && spec.latencyMs === undefined && spec.cut !== true) {
    throw new TypeError('a fault needs status, latencyMs or cut')
  }
  const fault: PendingFault = { route: spec.route as FaultRoute, times }
  if (spec.status !== undefined) fault.status = spec.status as number
  if (spec.body !== undefined) fault.body = spec.body as string
  if (spec.contentType !== undefined) fault.contentType = spec.contentType as string
  if (spec.latencyMs !== undefined) fault.latencyMs = spec.latencyMs as number
  if (spec.cut !== undefined) fault.cut = spec.cut as boolean
  return fault
}

/** Pending faults, consumed first-in first-out per route. */
export class FaultQueue {
  private faults: PendingFault[] = []

  add(spec: FaultSpec): void {
    this.faults.push(parseFaultSpec(spec))
  }

  clear(): void {
    this.faults = []
  }

  pending(): PendingFault[] {
    return this.faults.map((fault) => ({ ...fault }))
  }

  /** Takes one use of the first fault for the route, if any. */
  take(route: FaultRoute): PendingFault | undefined {
    const index = this.faults.findIndex((fault) => fault.route === route)
    if (index === -1) return undefined
    const fault = this.faults[index] as PendingFault
    fault.times -= 1
    if (fault.times === 0) this.faults.splice(index, 1)
    return { ...fault }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    }, { once: true })
  })
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Plays a fault: waits `latencyMs`, then cuts the connection or answers the
 * fault's status. `undefined` when the request should go on to the real
 * handler (a latency-only fault).
 */
export async function applyFault(fault: PendingFault, request: Request, context: RequestContext | undefined): Promise<Response | undefined> {
  if (fault.latencyMs) await sleep(fault.latencyMs, request.signal)
  // A client that left during the delay must not have its request handled
  // later: Authgear never sees a request whose connection is gone.
  if (request.signal.aborted) return Response.error()
  if (fault.cut) {
    await readSome(request, CUT_AFTER_BYTES)
    context?.destroyConnection?.()
    return Response.error()
  }
  if (fault.status === undefined) return undefined
  const body = fault.body ?? ''
  const contentType = fault.contentType ?? (body !== '' && isJson(body) ? 'application/json' : 'text/plain; charset=utf-8')
  const nullBodyStatus = fault.status === 204 || fault.status === 205 || fault.status === 304
  return new Response(body === '' || nullBodyStatus ? null : body, { status: fault.status, headers: { 'Content-Type': contentType } })
}
