import { describe, expect, it } from 'vitest'
import { fromUserNodeId, isUserId, toUserNodeId } from './user-id.ts'

const uuid = '97b1c929-842c-415c-a7df-6967efdda160'
const nodeId = 'VXNlcjo5N2IxYzkyOS04NDJjLTQxNWMtYTdkZi02OTY3ZWZkZGExNjA'

describe('user ids', () => {
  it('encodes a UUID as the unpadded base64url node id Authgear documents', () => {
    expect(toUserNodeId(uuid)).toBe(nodeId)
  })

  it.each([
    ['the node id itself', nodeId],
    ['a padded standard base64 node id (btoa)', btoa(`User:${uuid}`)],
    ['a node id with surrounding spaces', `  ${nodeId}\n`],
    ['an upper-case UUID', uuid.toUpperCase()],
  ])('normalises %s to the one form Authgear accepts', (_, input) => {
    expect(toUserNodeId(input)).toBe(nodeId)
    expect(fromUserNodeId(input)).toBe(uuid)
  })

  it.each([
    ['an empty string', ''],
    ['a UUID without dashes', uuid.replace(/-/g, '')],
    ['the node id of another type', btoa(`Role:${uuid}`)],
    ['base64 of User: with a non-UUID', btoa('User:42')],
    ['garbage', 'not an id!'],
  ])('refuses %s with a TypeError', (_, input) => {
    expect(() => toUserNodeId(input)).toThrow(TypeError)
    expect(() => fromUserNodeId(input)).toThrow(TypeError)
    expect(isUserId(input)).toBe(false)
  })
})
