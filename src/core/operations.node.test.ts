import { readFileSync } from 'node:fs'
import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { adminApiOperations } from './operations.ts'

const schema = buildSchema(readFileSync(new URL('../../schema/admin-api.graphql', import.meta.url), 'utf8'))

describe('GraphQL documents', () => {
  it.each(adminApiOperations.map((document) => [/(query|mutation) (\w+)/.exec(document)?.[2], document]))(
    '%s is valid against schema/admin-api.graphql',
    (_, document) => {
      expect(validate(schema, parse(document as string)).map((error) => error.message)).toEqual([])
    },
  )

  it('passes the attribute objects as variables, never as inline literals, and never writes customAttributes', () => {
    const mutation = adminApiOperations.find((document) => document.includes('mutation'))!
    expect(mutation).toMatch(/standardAttributes: \$standardAttributes/)
    expect(mutation).not.toMatch(/customAttributes/)
  })
})
