/**
 * The e2e suite's handle on the local Authgear behind the demo: its loopback
 * control API (faults, stats, reset) and a key-free read of users, to check
 * what really changed on the server.
 */
import type { FaultSpec, LocalStats } from '../dev/authgear-local/index.ts'

export const authgearUrl = `http://127.0.0.1:${process.env.E2E_AUTHGEAR_PORT ?? 4179}`

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${authgearUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response
}

export const localAuthgear = {
  reset: () => call('POST', '/__local/reset'),
  injectFault: (fault: FaultSpec) => call('POST', '/__local/faults', fault),
  clearFaults: () => call('DELETE', '/__local/faults'),
  expireUploadUrls: () => call('POST', '/__local/expire-upload-urls'),
  stats: async (): Promise<LocalStats> => (await call('GET', '/__local/stats')).json(),
  async user(uuid: string): Promise<{ standardAttributes: Record<string, unknown>; customAttributes: Record<string, unknown> }> {
    const users = (await (await call('GET', '/__local/users')).json()) as { id: string; standardAttributes: Record<string, unknown>; customAttributes: Record<string, unknown> }[]
    const user = users.find((candidate) => candidate.id === uuid)
    if (!user) throw new Error(`no user ${uuid}`)
    return user
  },
}
