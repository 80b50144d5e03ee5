import type { CombinedError } from 'urql'
import { AdminApiError, errorFromGraphQLErrors, errorFromHttpResponse, isAdminApiError, type GraphQLErrorLike } from '../core/index.js'

/**
 * The one place where urql's `CombinedError` becomes the library's
 * {@link AdminApiError}, with the same codes the core client gives.
 */
export function toAdminApiError(error: CombinedError): AdminApiError {
  if (isAdminApiError(error.networkError)) return error.networkError
  if (error.graphQLErrors.length > 0) {
    return errorFromGraphQLErrors(
      error.graphQLErrors.map((graphQLError): GraphQLErrorLike => ({
        message: graphQLError.message,
        path: graphQLError.path ? [...graphQLError.path] : undefined,
        extensions: graphQLError.extensions as GraphQLErrorLike['extensions'],
      })),
      error.response?.status ?? 200,
    )
  }
  const status = (error.response as Response | undefined)?.status
  if (typeof status === 'number' && status >= 400) return errorFromHttpResponse('graphql', status, '')
  if (error.networkError?.name === 'AbortError') return new AdminApiError('aborted', 'The request was cancelled', { cause: error })
  return new AdminApiError('network', error.message, { cause: error })
}
