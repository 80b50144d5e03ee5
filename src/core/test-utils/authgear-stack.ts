import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AuthgearLocal } from '../../../dev/authgear-local/index.ts'
import { createAdminApiProxy, type AdminApiProxyOptions } from '../../proxy/handler.ts'
import { toNodeHandler } from '../../proxy/node.ts'
import { createAdminApiClient, type AdminApiClientOptions } from '../client.ts'

export type { AuthgearLocal }

/** A proxy in front of the local Authgear, served over real HTTP. */
export interface RunningProxy {
  /** `http://127.0.0.1:<port>/avatar`: what the client's `endpoint` is. */
  endpoint: string
  close(): Promise<void>
}

/** Starts the reference proxy (mounted at `/avatar`) in front of `authgear`, on a random port. */
export async function startProxy(authgear: AuthgearLocal, overrides: Partial<AdminApiProxyOptions> = {}): Promise<RunningProxy> {
  const handler = createAdminApiProxy({
    authgearOrigin: authgear.url,
    appId: authgear.appId,
    keyId: authgear.keyId,
    privateKey: authgear.privateKeyPem,
    authorize: () => true,
    basePath: '/avatar',
    ...overrides,
  })
  const server: Server = createServer(toNodeHandler(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}/avatar`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** A client pointed at `proxy`. */
export function clientFor(proxy: RunningProxy, options: Partial<AdminApiClientOptions> = {}) {
  return createAdminApiClient({ endpoint: proxy.endpoint, ...options })
}

/** A JPEG of `size` bytes: a real 32x32 image followed by zero padding (Authgear stores bytes without reading them). */
export function jpegOfSize(size: number): Blob {
  const head = Buffer.from(TINY_JPEG_BASE64, 'base64')
  if (size <= head.length) return new Blob([new Uint8Array(head)], { type: 'image/jpeg' })
  return new Blob([new Uint8Array(head), new Uint8Array(size - head.length)], { type: 'image/jpeg' })
}

/** A 32x32 JPEG (274 bytes). */
export const TINY_JPEG_BASE64 =
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAgACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAX6FAAAAAAf/2Q=='
