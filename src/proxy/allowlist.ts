import { Kind, parse, print, visit, type DocumentNode } from 'graphql'

// Our documents have a few dozen tokens; this bounds the parser's work on hostile input.
const MAX_TOKENS = 2_000

/**
 * Drops `__typename` selections: GraphQL clients with a document cache (urql)
 * add them to every selection set, and they reveal nothing but type names.
 */
function withoutTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field: (field) => (field.name.value === '__typename' ? null : undefined),
  })
}

/**
 * `document` printed canonically (whitespace, commas, comments and `__typename`
 * selections gone), or `undefined` if it does not parse.
 */
export function normalizeDocument(document: string): string | undefined {
  try {
    return print(withoutTypenames(parse(document, { noLocation: true, maxTokens: MAX_TOKENS })))
  } catch {
    return undefined
  }
}

function operationNames(document: DocumentNode): (string | undefined)[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : [],
  )
}

/** A set of allowed GraphQL documents, compared by their canonical print. */
export interface OperationAllowlist {
  /**
   * Whether `query` (with `operationName`, if given) is one of the allowed documents.
   * Any change that alters the document (an extra field, another operation) is refused.
   */
  allows(query: string, operationName?: string): boolean
}

/**
 * Builds the allowlist from the library's documents and the consumer's own.
 * @throws Error when one of `documents` is not valid GraphQL syntax.
 */
export function createOperationAllowlist(documents: readonly string[]): OperationAllowlist {
  const allowed = new Map<string, (string | undefined)[]>()
  for (const document of documents) {
    const parsed = parse(document, { noLocation: true })
    allowed.set(print(withoutTypenames(parsed)), operationNames(parsed))
  }
  return {
    allows(query, operationName) {
      const normalized = normalizeDocument(query)
      const names = normalized === undefined ? undefined : allowed.get(normalized)
      if (names === undefined) return false
      return operationName === undefined ? names.length === 1 : names.includes(operationName)
    },
  }
}
