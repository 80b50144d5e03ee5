import type { StandardAttributes, TypedDocumentString } from '../../src/core/index.ts'

export interface DemoUser {
  id: string
  formattedName: string | null
  standardAttributes: StandardAttributes
}

export interface DemoListUsersResult {
  users: { totalCount: number | null; edges: { node: DemoUser }[] }
}

/**
 * The dashboard's own query, added to the proxy's allowlist with `operations`:
 * how a consumer lets their dashboard run more than the library's documents.
 */
export const DemoListUsersDocument = /* GraphQL */ `
  query DemoListUsers($first: Int!) {
    users(first: $first) {
      totalCount
      edges {
        node {
          id
          formattedName
          standardAttributes
        }
      }
    }
  }
` as TypedDocumentString<DemoListUsersResult, { first: number }>

export const demoOperations: readonly string[] = [DemoListUsersDocument]
