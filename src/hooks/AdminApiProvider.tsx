'use client'

import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { createContext, useContext, useState, type ReactNode } from 'react'
import { Client as UrqlClient, Context as UrqlContext, cacheExchange, fetchExchange } from 'urql'
import { AdminApiError, createAdminApiClient, errorFromHttpResponse, type AdminApiClient, type AdminApiClientOptions } from '../core/index.js'

/** What the hooks share: the core client and the two caches it feeds. */
export interface AdminApiContextValue {
  client: AdminApiClient
  queryClient: QueryClient
  urqlClient: UrqlClient
}

const AdminApiContext = createContext<AdminApiContextValue | null>(null)

/** Props of {@link AdminApiProvider}: an `endpoint` (plus client options) or a ready `client`. */
export type AdminApiProviderProps = (
  | ({ endpoint: string; client?: never } & Omit<AdminApiClientOptions, 'endpoint'>)
  | { client: AdminApiClient; endpoint?: never }
) & {
  /**
   * The TanStack Query client for uploads and user queries.
   * @default the one of the surrounding `QueryClientProvider`, else a scoped one
   */
  queryClient?: QueryClient
  /**
   * The urql client for the library's GraphQL. It must reach the proxy's
   * `/_api/admin/graphql` (the library's documents only run there).
   * @default the surrounding urql `Provider`'s client when `useContextUrqlClient`, else a scoped one pointed at the proxy
   */
  urqlClient?: UrqlClient
  /**
   * Use the urql client of a surrounding urql `Provider`. Off by default: an
   * app's own urql client usually talks to the app's own API, not this proxy.
   * @default false
   */
  useContextUrqlClient?: boolean
  children?: ReactNode
}

/**
 * urql's `fetch`: the core client's (same headers, credentials, proxy), with
 * HTTP failures turned into {@link AdminApiError}s before urql sees them, so a
 * proxy 401 reads as `unauthorized` and not as a bare network error.
 */
function urqlFetch(client: AdminApiClient): typeof fetch {
  return async (input, init) => {
    const response = await client.fetch(input as string | URL | Request, init).catch((error: unknown) => {
      if (init?.signal?.aborted) throw error
      throw new AdminApiError('network', 'The request did not complete', { cause: error })
    })
    if (response.ok) return response
    throw errorFromHttpResponse('graphql', response.status, await response.text().catch(() => ''))
  }
}

function createScopedUrqlClient(client: AdminApiClient): UrqlClient {
  return new UrqlClient({
    url: client.graphqlUrl,
    fetch: urqlFetch(client),
    exchanges: [cacheExchange, fetchExchange],
    // Attributes change behind the cache's back (other admins, other tabs).
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
  })
}

function isUrqlClient(value: unknown): value is UrqlClient {
  return value instanceof UrqlClient
}

/**
 * Provides the Admin API client to the hooks and to `<UserPictureEditor>`.
 * REST calls (upload URL, upload) go through TanStack Query, GraphQL through urql.
 *
 * @example
 * <AdminApiProvider endpoint="/api/avatar">
 *   <UserPictureEditor userId={id} />
 * </AdminApiProvider>
 */
export function AdminApiProvider(props: AdminApiProviderProps) {
  const { queryClient: queryClientProp, urqlClient: urqlClientProp, useContextUrqlClient = false, children } = props
  const contextQueryClient = useContext(QueryClientContext)
  const contextUrqlClient = useContext(UrqlContext) as unknown

  // Created once per provider: a new client per render would drop caches and in-flight requests.
  const [client] = useState<AdminApiClient>(() => {
    if (props.client) return props.client
    const { endpoint, fetch, headers, credentials, upload, uploadTransport } = props
    return createAdminApiClient({ endpoint, fetch, headers, credentials, upload, uploadTransport })
  })
  const [scopedQueryClient] = useState(() => (queryClientProp ?? contextQueryClient ? undefined : new QueryClient()))
  const [scopedUrqlClient] = useState(() =>
    urqlClientProp ?? (useContextUrqlClient && isUrqlClient(contextUrqlClient)) ? undefined : createScopedUrqlClient(client),
  )

  const queryClient = queryClientProp ?? contextQueryClient ?? scopedQueryClient!
  const urqlClient = urqlClientProp ?? (useContextUrqlClient && isUrqlClient(contextUrqlClient) ? contextUrqlClient : scopedUrqlClient!)
  const [value, setValue] = useState<AdminApiContextValue>({ client, queryClient, urqlClient })
  if (value.queryClient !== queryClient || value.urqlClient !== urqlClient) setValue({ client, queryClient, urqlClient })

  // No urql or TanStack provider is added around the children: the app's own
  // components keep their clients; the hooks pass ours explicitly.
  return <AdminApiContext.Provider value={value}>{children}</AdminApiContext.Provider>
}

/** The provider's value. Throws outside an {@link AdminApiProvider}: a hook without it could only fail later and more obscurely. */
export function useAdminApi(): AdminApiContextValue {
  const value = useContext(AdminApiContext)
  if (!value) throw new Error('authgear-avatar-editor: wrap this component in <AdminApiProvider endpoint="..."> (see the README)')
  return value
}

/** The core Admin API client of the surrounding {@link AdminApiProvider}. */
export function useAdminApiClient(): AdminApiClient {
  return useAdminApi().client
}
