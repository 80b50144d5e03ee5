import { goNotFound, jsonResponse } from './api-errors.ts'
import { readBodyBounded } from './body.ts'
import { toUserNodeId } from './node-id.ts'
import { formattedName } from './standard-attributes.ts'
import type { FaultControl, LocalStats, RequestContext } from './types.ts'
import { rfc3339, standardAttributesForRead } from './user-profile.ts'
import type { UserRecord } from './users-db.ts'

/** What the `/__local/*` routes operate on. */
export interface LocalApiControls {
  faults: FaultControl
  stats(): LocalStats
  reset(): Promise<void>
  users(): UserRecord[]
  origin: string
}

/** Whether a peer address is the local machine (IPv4 127/8, IPv6 `::1`, or IPv4-mapped). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return true
  const plain = address.replace(/^::ffff:/i, '')
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain)
}

/** One entry of `GET /__local/users`. */
export interface LocalUserSummary {
  id: string
  nodeId: string
  formattedName: string | null
  standardAttributes: Record<string, unknown>
  customAttributes: Record<string, unknown>
  isAnonymized: boolean
  isDisabled: boolean
  updatedAt: string
}

function summary(user: UserRecord, origin: string): LocalUserSummary {
  return {
    id: user.id,
    nodeId: toUserNodeId(user.id),
    formattedName: formattedName(user.standardAttributes),
    standardAttributes: standardAttributesForRead(user, origin),
    customAttributes: { ...user.customAttributes },
    isAnonymized: user.isAnonymized,
    isDisabled: user.isDisabled,
    updatedAt: rfc3339(user.updatedAt),
  }
}

const badRequest = (message: string): Response => jsonResponse(400, { error: message })

/**
 * The dev-only control API: fault injection, stats, reset and a no-auth user
 * list. Answers only loopback peers; everyone else gets a plain 404, as if
 * the routes did not exist.
 */
export async function handleLocalApi(
  request: Request,
  path: string,
  context: RequestContext | undefined,
  controls: LocalApiControls,
): Promise<Response> {
  if (!isLoopback(context?.remoteAddress)) return goNotFound()
  const route = `${request.method} ${path}`
  switch (route) {
    case 'POST /__local/faults': {
      const body = await readBodyBounded(request, 64 * 1024)
      let spec: unknown
      try {
        spec = JSON.parse(new TextDecoder().decode(body.bytes))
      } catch {
        return badRequest('body must be a JSON fault')
      }
      try {
        controls.faults.add(spec as Parameters<FaultControl['add']>[0])
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error))
      }
      return jsonResponse(200, { faults: controls.faults.pending() })
    }
    case 'DELETE /__local/faults':
      controls.faults.clear()
      return jsonResponse(200, { faults: [] })
    case 'GET /__local/faults':
      return jsonResponse(200, { faults: controls.faults.pending() })
    case 'POST /__local/expire-upload-urls':
      return jsonResponse(200, { expired: controls.faults.expireUploadUrls() })
    case 'POST /__local/reset':
      await controls.reset()
      return jsonResponse(200, { reset: true })
    case 'GET /__local/stats':
      return jsonResponse(200, controls.stats())
    case 'GET /__local/users':
      return jsonResponse(200, controls.users().map((user) => summary(user, controls.origin)))
    default:
      return goNotFound()
  }
}
