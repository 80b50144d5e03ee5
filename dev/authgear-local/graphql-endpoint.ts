import type { GraphQLSchema } from 'graphql'
import {
  ApiError,
  apiErrorResponse,
  invalidJson,
  jsonResponse,
  requestEntityTooLarge,
  unexpectedError,
} from './api-errors.ts'
import { readBodyBounded } from './body.ts'
import { goParseQuery, goQueryGet } from './go-compat.ts'
import { formatGraphQLError, prepareDocument, runGraphQL, type GraphQLRequestOptions } from './graphql.ts'
import type { ProfileContext } from './user-profile.ts'

/** Request body limit of the Admin API GraphQL endpoint. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024

/** What the endpoint reports back to the app after each request. */
export interface GraphQLOutcome {
  /** The request reached execution. */
  executed: boolean
  /** Mutation fields committed (0 when the request failed and was rolled back). */
  committedMutations: number
}

class RequestOptionsError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message)
  }
}

function parseJsonOrThrow(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new RequestOptionsError(invalidJson(error instanceof Error ? error.message : 'invalid JSON'))
  }
}

function variablesFrom(value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  throw new RequestOptionsError(unexpectedError())
}

/**
 * Authgear's `NewRequestOptions`: `?query=` (with `?variables=` JSON) wins;
 * otherwise only POST, with `application/graphql` (the body is the query) or
 * JSON (`variables` may also be a JSON string).
 */
async function requestOptions(request: Request): Promise<GraphQLRequestOptions> {
  const url = new URL(request.url)
  const query = goParseQuery(url.search.slice(1))
  if (goQueryGet(query, 'query') !== '') {
    const variables = variablesFrom(parseJsonOrThrow(goQueryGet(query, 'variables')))
    return { query: goQueryGet(query, 'query'), variables, operationName: goQueryGet(query, 'operationName') || undefined }
  }
  if (request.method !== 'POST') throw new RequestOptionsError(unexpectedError())

  const body = await readBodyBounded(request, GRAPHQL_BODY_LIMIT)
  if (body.exceeded) throw new RequestOptionsError(requestEntityTooLarge())
  const text = new TextDecoder().decode(body.bytes)
  // Authgear compares the text before the first ';' exactly, without trimming or lower-casing.
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]
  if (contentType === 'application/graphql') return { query: text }

  const json = parseJsonOrThrow(text)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RequestOptionsError(unexpectedError())
  const record = json as Record<string, unknown>
  const field = (name: string): string => {
    const value = record[name]
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') throw new RequestOptionsError(unexpectedError())
    return value
  }
  const rawVariables = typeof record.variables === 'string' ? parseJsonOrThrow(record.variables) : record.variables
  return { query: field('query'), variables: variablesFrom(rawVariables), operationName: field('operationName') || undefined }
}

/**
 * `POST /_api/admin/graphql` after the JWT check: parse, enforce the body and
 * mutation-field limits, execute in a transaction (any error rolls every
 * mutation of the request back), answer HTTP 200 with `data`/`errors`.
 */
export async function handleGraphQL(
  request: Request,
  schema: GraphQLSchema,
  context: ProfileContext,
): Promise<{ response: Response; outcome: GraphQLOutcome }> {
  const notExecuted = { executed: false, committedMutations: 0 }
  let options: GraphQLRequestOptions
  try {
    options = await requestOptions(request)
  } catch (error) {
    const apiError = error instanceof RequestOptionsError ? error.apiError : unexpectedError()
    return { response: apiErrorResponse(apiError), outcome: notExecuted }
  }

  let prepared: ReturnType<typeof prepareDocument>
  try {
    prepared = prepareDocument(options)
  } catch (error) {
    // A GraphQL syntax error is not an API error in Authgear: it surfaces as 500.
    return { response: apiErrorResponse(error instanceof ApiError ? error : unexpectedError()), outcome: notExecuted }
  }

  // Snapshot, execution and rollback run without yielding: one request's rollback never undoes another's commit.
  const before = context.users.snapshot()
  const result = runGraphQL(schema, prepared.document, options, context)
  const failed = result.errors.length > 0
  if (failed) context.users.replaceAll(before)

  const body: Record<string, unknown> = { data: result.data }
  if (failed) body.errors = result.errors.map(formatGraphQLError)
  return {
    response: jsonResponse(200, body, undefined, 'application/json; charset=utf-8'),
    outcome: { executed: true, committedMutations: failed ? 0 : prepared.mutationFields },
  }
}
