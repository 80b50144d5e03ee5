import {
  buildSchema,
  executeSync,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import { ApiError, newBadRequest, newInvalid } from './api-errors.ts'
import { base64UrlDecode, base64UrlEncode, fromUtf8, utf8 } from './go-compat.ts'
import { parseGlobalId, userUuidFromNodeId } from './node-id.ts'
import { updateUserProfile, userView, type ProfileContext, type UserView } from './user-profile.ts'
import type { UserRecord } from './users-db.ts'

/** Authgear refuses a document with more top-level mutation fields than this. */
export const MAX_MUTATION_FIELDS = 5

/**
 * A JSON-object scalar exactly as Authgear's `graphqlutil.NewJSONObjectScalar`:
 * variables pass through untouched; a literal is accepted only as a STRING
 * holding JSON. An inline object literal is therefore invalid, and graphql-js
 * reports it as a validation error.
 */
function configureJsonScalar(scalar: GraphQLScalarType): void {
  Object.assign(scalar, {
    serialize: (value: unknown) => value,
    parseValue: (value: unknown) => value,
    parseLiteral: (node: { kind: string; value?: unknown }) => {
      if (node.kind !== Kind.STRING) return undefined
      try {
        return JSON.parse(node.value as string) as unknown
      } catch {
        return undefined
      }
    },
  })
}

/** Builds the executable schema from the SDL file's text. */
export function buildAdminSchema(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl)
  for (const name of ['UserStandardAttributes', 'UserCustomAttributes']) {
    configureJsonScalar(schema.getType(name) as GraphQLScalarType)
  }
  Object.assign(schema.getType('DateTime') as GraphQLScalarType, {
    serialize: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
  })
  return schema
}

/** A GraphQL request as Authgear's handler reads it. */
export interface GraphQLRequestOptions {
  query: string
  variables?: Record<string, unknown>
  operationName?: string
}

function findOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
  if (!operationName) return operations.length === 1 ? operations[0] : undefined
  return operations.find((operation) => operation.name?.value === operationName)
}

function countTopLevelFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countTopLevelFields(selection.selectionSet, fragments, visiting)
    else {
      const name = selection.name.value
      if (visiting.has(name)) throw newBadRequest(`graphql fragment cycle detected at "${name}"`)
      const fragment = fragments.get(name)
      if (!fragment) continue
      visiting.add(name)
      count += countTopLevelFields(fragment.selectionSet, fragments, visiting)
      visiting.delete(name)
    }
  }
  return count
}

/**
 * Parses the document and applies Authgear's pre-execution checks. A syntax
 * error is a plain error there (HTTP 500 "unexpected error"), more than
 * {@link MAX_MUTATION_FIELDS} mutation fields a 400 `BadRequest`.
 */
export function prepareDocument(options: GraphQLRequestOptions): { document: DocumentNode; mutationFields: number } {
  const document = parse(options.query)
  const operation = findOperation(document, options.operationName)
  if (!operation || operation.operation !== 'mutation') return { document, mutationFields: 0 }
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const count = countTopLevelFields(operation.selectionSet, fragments, new Set())
  if (count > MAX_MUTATION_FIELDS) {
    throw newBadRequest(`too many mutation fields in one request: got ${count}, limit is ${MAX_MUTATION_FIELDS}`)
  }
  return { document, mutationFields: count }
}

// --- resolvers ---

interface UsersArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
  searchKeyword?: string | null
  sortBy?: 'CREATED_AT' | 'LAST_LOGIN_AT' | null
  sortDirection?: 'ASC' | 'DESC' | null
  groupKeys?: string[] | null
  roleKeys?: string[] | null
}

const cursorOf = (offset: number): string => base64UrlEncode(utf8(`offset:${offset}`))
function offsetOf(cursor: string | null | undefined): number | undefined {
  if (!cursor) return undefined
  const bytes = base64UrlDecode(cursor)
  const match = bytes ? /^offset:(\d+)$/.exec(fromUtf8(bytes)) : null
  return match ? Number(match[1]) : undefined
}

function matchesKeyword(user: UserRecord, keyword: string): boolean {
  const needle = keyword.toLowerCase()
  const haystack = [user.id, ...Object.values(user.standardAttributes).filter((value): value is string => typeof value === 'string')]
  return haystack.some((value) => value.toLowerCase().includes(needle))
}

function listUsers(context: ProfileContext, args: UsersArgs) {
  let users = context.users.list()
  // No user of the dev app belongs to a group or role.
  if ((args.groupKeys?.length ?? 0) > 0 || (args.roleKeys?.length ?? 0) > 0) users = []
  if (args.searchKeyword) users = users.filter((user) => matchesKeyword(user, args.searchKeyword as string))
  const sortKey = (user: UserRecord): number => (args.sortBy === 'LAST_LOGIN_AT' ? (user.lastLoginAt ?? 0) : user.createdAt)
  const direction = args.sortDirection === 'ASC' ? 1 : -1
  users.sort((a, b) => direction * (sortKey(a) - sortKey(b)))

  const total = users.length
  let start = 0
  let end = total
  const after = offsetOf(args.after)
  const before = offsetOf(args.before)
  if (after !== undefined) start = Math.min(after + 1, total)
  if (before !== undefined) end = Math.max(Math.min(before, total), start)
  if (typeof args.first === 'number') end = Math.min(end, start + Math.max(args.first, 0))
  if (typeof args.last === 'number') start = Math.max(start, end - Math.max(args.last, 0))

  const edges = users.slice(start, end).map((user, index) => ({ cursor: cursorOf(start + index), node: userView(user, context.origin) }))
  return {
    edges,
    totalCount: total,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasPreviousPage: start > 0,
      hasNextPage: end < total,
    },
  }
}

function nodeById(context: ProfileContext, id: string): UserView | null {
  const parsed = parseGlobalId(id)
  if (parsed?.type !== 'User') return null
  const user = context.users.get(parsed.id)
  return user ? userView(user, context.origin) : null
}

/** The root value: `node`, `nodes`, `users` and `updateUser`. */
export function rootResolvers(context: ProfileContext) {
  return {
    node: ({ id }: { id: string }) => nodeById(context, id),
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => nodeById(context, id)),
    users: (args: UsersArgs) => listUsers(context, args),
    updateUser: ({ input }: { input: { userID: string; standardAttributes?: unknown; customAttributes?: unknown } }) => {
      const uuid = userUuidFromNodeId(input.userID)
      if (uuid === undefined) throw newInvalid('invalid user ID')
      const user = updateUserProfile(context, uuid, input.standardAttributes, input.customAttributes)
      return { user: userView(user, context.origin) }
    },
  }
}

/**
 * One entry of `errors` as Authgear sends it: graphql-go's message, location
 * and path, with `extensions.errorName`/`reason`/`info` added when the
 * resolver failed with an API error (and nothing added for a plain error).
 */
export function formatGraphQLError(error: GraphQLError): Record<string, unknown> {
  const formatted: Record<string, unknown> = { message: error.message }
  if (error.locations) formatted.locations = error.locations
  if (error.path) formatted.path = error.path
  const original = error.originalError
  if (original instanceof ApiError) {
    formatted.message = original.graphqlMessage ?? original.message
    const extensions: Record<string, unknown> = { errorName: original.errorName, reason: original.reason }
    if (original.info && Object.keys(original.info).length > 0) extensions.info = original.info
    formatted.extensions = extensions
  }
  return formatted
}

/**
 * Validates and executes a prepared document; `data` is `null` when
 * validation fails. Synchronous on purpose (every resolver is): a request's
 * snapshot, execution and rollback cannot interleave with another request.
 */
export function runGraphQL(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: GraphQLRequestOptions,
  context: ProfileContext,
): { data: unknown; errors: GraphQLError[] } {
  const validationErrors = validate(schema, document)
  if (validationErrors.length > 0) return { data: null, errors: [...validationErrors] }
  const result = executeSync({
    schema,
    document,
    rootValue: rootResolvers(context),
    variableValues: options.variables,
    operationName: options.operationName,
  })
  return { data: result.data ?? null, errors: [...(result.errors ?? [])] }
}
