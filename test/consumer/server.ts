// Compiled against the packed tarball: the server-side entries as a consumer uses them.
import { createAdminApiClient, updateUserPicture, toUserNodeId, isAdminApiError, type AdminApiError } from 'authgear-avatar-editor/core'
import { createAdminApiProxy, toNodeHandler } from 'authgear-avatar-editor/proxy'

const proxy: (request: Request) => Promise<Response> = createAdminApiProxy({
  authgearOrigin: 'https://myapp.authgear.cloud',
  appId: 'myapp',
  keyId: 'kid',
  privateKey: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
  basePath: '/api/avatar',
  authorize: (request) => request.headers.get('cookie') !== null,
})
export const nodeListener = toNodeHandler(proxy)

export async function setPicture(image: Blob): Promise<string> {
  const client = createAdminApiClient({ endpoint: 'https://admin.example.com/api/avatar', upload: 'proxy' })
  try {
    const result = await updateUserPicture(client, { userId: toUserNodeId('97b1c929-842c-415c-a7df-6967efdda160'), image })
    return result.picture
  } catch (error) {
    if (isAdminApiError(error)) {
      const code: AdminApiError['code'] = error.code
      return code
    }
    throw error
  }
}
