import { describe, expect, it } from 'vitest'
import { UpdateUserStandardAttributesDocument, UserStandardAttributesDocument, adminApiOperations } from '../core/operations.ts'
import { createOperationAllowlist, normalizeDocument } from './allowlist.ts'

const allowlist = createOperationAllowlist(adminApiOperations)

describe('operation allowlist', () => {
  it("allows the library's own documents, however they are spaced or commented", () => {
    for (const document of adminApiOperations) expect(allowlist.allows(document)).toBe(true)
    const reformatted = `# reformatted\n${UserStandardAttributesDocument.replace(/\s+/g, ' ').replace('id updatedAt', 'id, updatedAt')}`
    expect(allowlist.allows(reformatted)).toBe(true)
    expect(allowlist.allows(UpdateUserStandardAttributesDocument, 'AvatarEditorUpdateUserStandardAttributes')).toBe(true)
  })

  it.each([
    ['deleteUser', 'mutation { deleteUser(input: { userID: "x" }) { deletedUserID } }'],
    ['our query with an extra field', UserStandardAttributesDocument.replace('updatedAt', 'updatedAt customAttributes')],
    ['our query with an alias', UserStandardAttributesDocument.replace('updatedAt', 'when: updatedAt')],
    ['our mutation writing custom attributes too', UpdateUserStandardAttributesDocument.replace('standardAttributes: $standardAttributes }', 'standardAttributes: $standardAttributes, customAttributes: {} }')],
    ['our mutation sent twice in one document', `${UpdateUserStandardAttributesDocument}\n${UpdateUserStandardAttributesDocument.replace('AvatarEditorUpdate', 'Second')}`],
    ['a document that does not parse', 'query {'],
    ['an empty document', ''],
  ])('refuses %s', (_, document) => {
    expect(allowlist.allows(document)).toBe(false)
  })

  it('allows our documents with the __typename selections a caching GraphQL client adds', () => {
    const asUrqlSendsIt = UpdateUserStandardAttributesDocument.replace('user {', 'user { __typename').replace('updatedAt', 'updatedAt __typename')
    expect(allowlist.allows(asUrqlSendsIt)).toBe(true)
    // ...but __typename does not smuggle anything else in.
    expect(allowlist.allows(asUrqlSendsIt.replace('__typename', '__typename customAttributes'))).toBe(false)
  })

  it('refuses an operation name the document does not hold', () => {
    expect(allowlist.allows(UserStandardAttributesDocument, 'Other')).toBe(false)
  })

  it("allows the consumer's own documents when given", () => {
    const own = 'query Mine { __typename }'
    expect(createOperationAllowlist([...adminApiOperations, own]).allows('query Mine {__typename}')).toBe(true)
    expect(allowlist.allows(own)).toBe(false)
  })

  it('bounds the work spent parsing a hostile document', () => {
    expect(normalizeDocument(`query { ${'a '.repeat(5000)} }`)).toBeUndefined()
  })
})
