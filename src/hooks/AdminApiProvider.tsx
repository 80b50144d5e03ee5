'use client'

import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Client as UrqlClient, Context as UrqlContext, cacheExchange, fetchExchange } from 'urql'
import { AdminApiError, createAdminApiClient, errorFromHttpResponse, type AdminApiClient, type AdminApiClientOptions, type HeadersOption } from '../core/index.js'

/** What the hooks share: the core client and the two caches it feeds. */
export interface AdminApiContextValue {
  /** The core client: REST calls and the whole-flow helpers. */
  client: AdminApiClient
  /** Holds the upload mutations and `userQueryOptions` queries. */
  queryClient: QueryClient
  /** Runs the library's GraphQL documents against the proxy. */
  urqlClient: UrqlClient
}

const AdminApiContext = createContext<AdminApiContextValue | null>(null)

/** Request options of every call to the proxy, like urql's `fetchOptions`; a function is called per request. */
export type AdminApiFetchOptions = Pick<RequestInit, 'headers' | 'credentials'>

/** Props of {@link AdminApiProvider}: an `endpoint` (plus client options) or a ready `client`. */
export type AdminApiProviderProps = (
  | ({
      endpoint: string
      client?: never
      /**
       * Headers and credentials for the proxy, urql-style. `headers` are added after
       * the `headers` prop. A function is called per request for its `headers`; its
       * `credentials` are ignored (use the `credentials` prop or the object form).
       * @default none
       */
      fetchOptions?: AdminApiFetchOptions | (() => AdminApiFetchOptions)
    } & Omit<AdminApiClientOptions, 'endpoint'>)
  | { client: AdminApiClient; endpoint?: never; fetchOptions?: never }
) & {
  /**
   * The TanStack Query client for uploads and user queries.
   * @default the one of the surrounding `QueryClientProvider`, else a scoped one
   */
  queryClient?: QueryClient
  /**
   * The urql client for the library's GraphQL. Its `url` must be the proxy's
   * `/_api/admin/graphql` (the library's documents only run there); the
   * library's operations are sent as POST whatever its `preferGetMethod`.
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

type EndpointProps = Extract<AdminApiProviderProps, { endpoint: string }>

async function resolveFetchOptionsHeaders(option: HeadersOption | undefined, fetchOptions: EndpointProps['fetchOptions']): Promise<Headers> {
  const headers = new Headers(typeof option === 'function' ? await option() : option)
  const extra = typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions
  new Headers(extra?.headers).forEach((value, name) => headers.set(name, value))
  return headers
}

/**
 * The core client of an `endpoint` provider. Made again only when what shapes
 * it changes (endpoint, credentials, upload mode); `headers`, `fetchOptions` and
 * `fetch` are read per request, so inline values do not drop caches each render.
 */
function useEndpointClient(props: AdminApiProviderProps): AdminApiClient | undefined {
  const endpointProps = props.client ? undefined : (props as EndpointProps)
  const latest = useRef(endpointProps)
  useEffect(() => {
    latest.current = endpointProps
  })
  const endpoint = endpointProps?.endpoint
  const fetchOptions = endpointProps?.fetchOptions
  const credentials = endpointProps?.credentials ?? (typeof fetchOptions === 'function' ? undefined : fetchOptions?.credentials)
  const { upload, uploadTransport } = endpointProps ?? {}
  const hasFetch = Boolean(endpointProps?.fetch)
  return useMemo(() => {
    if (endpoint === undefined) return undefined
    // The ref is read per request, never during render: the client calls these lazily.
    // eslint-disable-next-line react-hooks/refs
    return createAdminApiClient({
      endpoint,
      credentials,
      upload,
      uploadTransport,
      headers: () => resolveFetchOptionsHeaders(latest.current?.headers, latest.current?.fetchOptions),
      fetch: hasFetch ? (input, init) => (latest.current?.fetch ?? globalThis.fetch)(input, init) : undefined,
    })
  }, [endpoint, credentials, upload, uploadTransport, hasFetch])
}

/**
 * Provides the Admin API client to the hooks and to `<UserPictureEditor>`.
 * REST calls (upload URL, upload) go through TanStack Query, GraphQL through urql.
 * No urql or TanStack provider is added around the children: the app's own
 * components keep their clients, and the hooks pass these explicitly.
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
  const endpointClient = useEndpointClient(props)
  const client = props.client ?? endpointClient!

  // Scoped clients live as long as the provider (or its core client): a new one per render would drop caches.
  const [scopedQueryClient] = useState(() => new QueryClient())
  const appUrqlClient = urqlClientProp ?? (useContextUrqlClient && isUrqlClient(contextUrqlClient) ? contextUrqlClient : undefined)
  const scopedUrqlClient = useMemo(() => (appUrqlClient ? undefined : createScopedUrqlClient(client)), [appUrqlClient, client])

  const queryClient = queryClientProp ?? contextQueryClient ?? scopedQueryClient
  const urqlClient = appUrqlClient ?? scopedUrqlClient!
  // What QueryClientProvider does for the app's client: refetch on focus, resume when back online.
  const usesScopedQueryClient = queryClient === scopedQueryClient
  useEffect(() => {
    if (!usesScopedQueryClient) return
    scopedQueryClient.mount()
    return () => scopedQueryClient.unmount()
  }, [usesScopedQueryClient, scopedQueryClient])
  const value = useMemo<AdminApiContextValue>(() => ({ client, queryClient, urqlClient }), [client, queryClient, urqlClient])
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
