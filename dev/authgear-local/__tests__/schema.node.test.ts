import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../index.ts'

const ours = readFileSync(path.join(REPO_ROOT, 'schema/admin-api.graphql'), 'utf8')
const real = buildSchema(readFileSync(path.resolve(REPO_ROOT, '../shared/authgear/admin-schema.graphql'), 'utf8'))

const kindOf = (type: GraphQLNamedType): string =>
  isObjectType(type) ? 'object' : isInterfaceType(type) ? 'interface' : isInputObjectType(type) ? 'input' : isEnumType(type) ? 'enum' : isUnionType(type) ? 'union' : 'scalar'

/** Every way `schema` is not a faithful subset of Authgear's schema (empty when it is). */
function differences(schema: GraphQLSchema, reference: GraphQLSchema): string[] {
  const problems: string[] = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue
    const other = reference.getType(type.name)
    if (!other) {
      problems.push(`type ${type.name} does not exist`)
      continue
    }
    if (kindOf(type) !== kindOf(other)) problems.push(`${type.name} is a ${kindOf(type)}, Authgear's is a ${kindOf(other)}`)
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(other) || isInterfaceType(other))) {
      const otherInterfaces = other.getInterfaces().map((item) => item.name)
      for (const item of type.getInterfaces()) {
        if (!otherInterfaces.includes(item.name)) problems.push(`${type.name} does not implement ${item.name}`)
      }
      const otherFields = other.getFields()
      for (const field of Object.values(type.getFields())) {
        const otherField = otherFields[field.name]
        if (!otherField) {
          problems.push(`${type.name}.${field.name} does not exist`)
          continue
        }
        if (String(field.type) !== String(otherField.type)) problems.push(`${type.name}.${field.name}: ${field.type} vs ${otherField.type}`)
        for (const arg of field.args) {
          const otherArg = otherField.args.find((candidate) => candidate.name === arg.name)
          if (!otherArg) problems.push(`${type.name}.${field.name}(${arg.name}) does not exist`)
          else if (String(arg.type) !== String(otherArg.type)) problems.push(`${type.name}.${field.name}(${arg.name}): ${arg.type} vs ${otherArg.type}`)
        }
      }
    }
    if (isInputObjectType(type) && isInputObjectType(other)) {
      const otherFields = other.getFields()
      for (const field of Object.values(type.getFields())) {
        const otherField = otherFields[field.name]
        if (!otherField) problems.push(`${type.name}.${field.name} does not exist`)
        else if (String(field.type) !== String(otherField.type)) problems.push(`${type.name}.${field.name}: ${field.type} vs ${otherField.type}`)
      }
    }
    if (isEnumType(type) && isEnumType(other)) {
      const otherValues = other.getValues().map((value) => value.name)
      for (const value of type.getValues()) {
        if (!otherValues.includes(value.name)) problems.push(`${type.name}.${value.name} does not exist`)
      }
    }
  }
  if (schema.getQueryType()?.name !== reference.getQueryType()?.name) problems.push('query root differs')
  if (schema.getMutationType()?.name !== reference.getMutationType()?.name) problems.push('mutation root differs')
  return problems
}

describe('schema/admin-api.graphql', () => {
  it('declares only types, fields and arguments that exist with the same type in Authgear’s schema', () => {
    expect(differences(buildSchema(ours), real)).toEqual([])
  })

  it('has what the library needs', () => {
    const schema = buildSchema(ours)
    const mutation = schema.getMutationType()?.getFields().updateUser
    expect(String(mutation?.type)).toBe('UpdateUserPayload!')
    expect(String(mutation?.args[0]?.type)).toBe('UpdateUserInput!')
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['node', 'nodes', 'users'])
  })

  it('would catch a field whose type differs from Authgear’s', () => {
    const wrong = buildSchema(ours.replace('standardAttributes: UserStandardAttributes!', 'standardAttributes: String!'))
    expect(differences(wrong, real)).toContain('User.standardAttributes: String! vs UserStandardAttributes!')
  })

  it('would catch a field Authgear does not have', () => {
    const extra = buildSchema(ours.replace('type Query {', 'type Query {\n  user(id: ID!): User'))
    expect(differences(extra, real)).toContain('Query.user does not exist')
  })
})
