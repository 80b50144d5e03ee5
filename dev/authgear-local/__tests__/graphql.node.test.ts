import { describe, expect, it } from 'vitest'
import { GRAPHQL_BODY_LIMIT, toUserNodeId } from '../index.ts'
import {
  adminFetch,
  filePart,
  graphql,
  postForm,
  presign,
  readUser,
  seedUser,
  UPDATE_USER,
  useLocalAuthgear,
  type ErrorBody,
  type UserNode,
} from './helpers.ts'

const fixture = useLocalAuthgear()

const updateUser = (input: Record<string, unknown>) => graphql(fixture.local, UPDATE_USER, { input })
const updatedUser = (body: { data: unknown }) => (body.data as { updateUser: { user: UserNode } }).updateUser.user

/** The attributes as they would be written back: derived keys stay (Authgear ignores them). */
async function currentAttributes(nodeId: string): Promise<Record<string, unknown>> {
  const user = await readUser(fixture.local, nodeId)
  if (!user) throw new Error('user not found')
  return user.standardAttributes
}

describe('node ids', () => {
  it('encodes the PROTOCOL example exactly (unpadded base64url)', () => {
    expect(toUserNodeId('97b1c929-842c-415c-a7df-6967efdda160')).toBe('VXNlcjo5N2IxYzkyOS04NDJjLTQxNWMtYTdkZi02OTY3ZWZkZGExNjA')
  })

  it('reads a user by its node id', async () => {
    const user = await readUser(fixture.local, 'VXNlcjo5N2IxYzkyOS04NDJjLTQxNWMtYTdkZi02OTY3ZWZkZGExNjA')
    expect(user?.standardAttributes.given_name).toBe('Emi')
  })

  it('answers null (not an error) for the padded btoa form of a valid id', async () => {
    const padded = btoa('User:97b1c929-842c-415c-a7df-6967efdda160')
    expect(padded.endsWith('=')).toBe(true)
    const { body } = await graphql(fixture.local, 'query ($id: ID!) { node(id: $id) { id } }', { id: padded })
    expect(body).toEqual({ data: { node: null } })
  })

  it('answers null for a "+"/"/" (standard base64) id', async () => {
    // 'User:??>' encodes with '/' and '+' in standard base64.
    const standard = btoa('User:??>~')
    expect(standard).toMatch(/[+/]/)
    const { body } = await graphql(fixture.local, 'query ($id: ID!) { node(id: $id) { id } }', { id: standard })
    expect(body.data).toEqual({ node: null })
  })

  it('answers null for an unknown user and for garbage', async () => {
    const { body } = await graphql(fixture.local, 'query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }', {
      a: toUserNodeId('00000000-0000-4000-8000-000000000000'),
      b: '!!not-an-id!!',
    })
    expect(body).toEqual({ data: { a: null, b: null } })
  })

  it('has no user(id) field', async () => {
    const { status, body } = await graphql(fixture.local, '{ user(id: "x") { id } }')
    expect(status).toBe(200)
    expect(body.data).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/user/)
  })
})

describe('request forms Authgear reads', () => {
  it('takes the query from the URL (GET ?query=&variables=)', async () => {
    const search = new URLSearchParams({ query: '{ users { totalCount } }', variables: '{}' })
    const response = await adminFetch(fixture.local, `/_api/admin/graphql?${search}`)
    expect(await response.json()).toEqual({ data: { users: { totalCount: fixture.local.users.length } } })
  })

  it('takes an application/graphql body as the query', async () => {
    const response = await adminFetch(fixture.local, '/_api/admin/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/graphql' },
      body: '{ users { totalCount } }',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('answers a GraphQL syntax error with HTTP 500, as Authgear’s pre-execution check does', async () => {
    const response = await adminFetch(fixture.local, '/_api/admin/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ users {' }),
    })
    expect(response.status).toBe(500)
    expect(((await response.json()) as ErrorBody).error).toMatchObject({ name: 'InternalError', reason: 'UnexpectedError' })
  })
})

describe('reading users', () => {
  it('reads picture back as the https /profile URL with derived keys', async () => {
    const user = seedUser(fixture.local, 'picture-jpeg')
    const attributes = await currentAttributes(user.nodeId)
    expect(attributes.picture).toMatch(new RegExp(`^${fixture.local.url}/_images/dev-app/[0-9a-f-]{36}/profile$`))
    expect(attributes).toMatchObject({ email_verified: true, phone_number_verified: true })
    expect(typeof attributes.updated_at).toBe('number')
  })

  it('lists users as a Relay connection with totalCount', async () => {
    const { body } = await graphql(
      fixture.local,
      '{ users(first: 2) { totalCount edges { cursor node { id formattedName } } pageInfo { hasNextPage endCursor } } }',
    )
    const users = (body.data as { users: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }).users
    expect(users.totalCount).toBe(fixture.local.users.length)
    expect(users.edges).toHaveLength(2)
    expect(users.pageInfo.hasNextPage).toBe(true)
    const next = await graphql(fixture.local, 'query ($after: String) { users(first: 100, after: $after) { edges { node { id } } } }', {
      after: users.pageInfo.endCursor,
    })
    const rest = (next.body.data as { users: { edges: unknown[] } }).users.edges
    expect(rest).toHaveLength(fixture.local.users.length - 2)
  })
})

describe('updateUser', () => {
  it('REPLACES standardAttributes: every key left out is deleted', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const { body } = await updateUser({ userID: user.nodeId, standardAttributes: { given_name: 'Dmitri', family_name: 'Volkov' } })
    const attributes = updatedUser(body).standardAttributes
    expect(attributes.given_name).toBe('Dmitri')
    expect(attributes.nickname).toBeUndefined()
    expect(attributes.address).toBeUndefined()
    expect(attributes.birthdate).toBeUndefined()
  })

  it('keeps the login-id attributes the user’s identities own, even when left out', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const { body } = await updateUser({ userID: user.nodeId, standardAttributes: { name: 'D' } })
    expect(updatedUser(body).standardAttributes).toMatchObject({ email: 'dmitri.volkov@example.net', preferred_username: 'dmitri.volkov' })
  })

  it('leaves customAttributes untouched when absent and replaces them whole when present', async () => {
    const user = seedUser(fixture.local, 'picture-jpeg')
    const attributes = await currentAttributes(user.nodeId)
    const first = await updateUser({ userID: user.nodeId, standardAttributes: attributes })
    expect(updatedUser(first.body).customAttributes).toEqual({ department: 'Finance', employee_no: 'E-1042', vip: true })
    const second = await updateUser({ userID: user.nodeId, customAttributes: { department: 'Audit' } })
    expect(updatedUser(second.body).customAttributes).toEqual({ department: 'Audit' })
  })

  it('round-trips a read-merge-write: the https picture is stored again as authgearimages:///', async () => {
    const user = seedUser(fixture.local, 'picture-jpeg')
    const before = await currentAttributes(user.nodeId)
    await updateUser({ userID: user.nodeId, standardAttributes: { ...before, nickname: 'A.' } })
    const stored = fixture.local.app.users().find((record) => record.id === user.uuid)
    expect(stored?.standardAttributes.picture).toMatch(/^authgearimages:\/\/\/dev-app\/[0-9a-f-]{36}$/)
    expect((await currentAttributes(user.nodeId)).picture).toBe(before.picture)
  })

  it('sets a freshly uploaded picture and removes it when left out', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const upload = await postForm(await presign(fixture.local), [filePart(new Uint8Array(50).fill(7))])
    const { result } = (await upload.json()) as { result: { url: string } }
    const attributes = await currentAttributes(user.nodeId)
    const set = await updateUser({ userID: user.nodeId, standardAttributes: { ...attributes, picture: result.url } })
    expect(updatedUser(set.body).standardAttributes.picture).toBe(`${fixture.local.url}/_images/${result.url.slice('authgearimages:///'.length)}/profile`)
    const { picture: _removed, ...withoutPicture } = updatedUser(set.body).standardAttributes
    const removed = await updateUser({ userID: user.nodeId, standardAttributes: withoutPicture })
    expect(updatedUser(removed.body).standardAttributes.picture).toBeUndefined()
  })

  it('bumps updatedAt on every write', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const before = (await readUser(fixture.local, user.nodeId))?.updatedAt
    fixture.clock.advanceSeconds(5)
    const { body } = await updateUser({ userID: user.nodeId, standardAttributes: await currentAttributes(user.nodeId) })
    expect(updatedUser(body).updatedAt).toBe('2025-03-01T12:00:05Z')
    expect(updatedUser(body).updatedAt).not.toBe(before)
  })

  it('ignores the derived keys on write', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const attributes = { ...(await currentAttributes(user.nodeId)), email_verified: false, updated_at: 1 }
    const { body } = await updateUser({ userID: user.nodeId, standardAttributes: attributes })
    expect(body.errors).toBeUndefined()
    expect(updatedUser(body).standardAttributes.email_verified).toBe(true)
  })

  it.each([
    ['an unknown key', { favourite_color: 'teal' }, '/favourite_color'],
    ['a picture with another scheme', { picture: 'ftp://example.com/a.png' }, '/picture'],
    ['a relative picture', { picture: '/a.png' }, '/picture'],
    ['an authgearimages picture with a host', { picture: 'authgearimages://dev-app/x' }, '/picture'],
    ['a non-string name', { name: 42 }, '/name'],
    ['an empty name', { name: '' }, '/name'],
    ['a bad birthdate', { birthdate: '1990-02-30' }, '/birthdate'],
    ['a zoneinfo without slash', { zoneinfo: 'UTC' }, '/zoneinfo'],
    ['a non-canonical locale', { locale: 'en-us' }, '/locale'],
    ['a relative website', { website: 'example.com' }, '/website'],
  ])('refuses %s with ValidationFailed at HTTP 200', async (_, attributes, location) => {
    const user = seedUser(fixture.local, 'no-picture')
    const { status, body } = await updateUser({ userID: user.nodeId, standardAttributes: attributes })
    expect(status).toBe(200)
    expect(body.data).toBeNull()
    const error = body.errors?.[0]
    expect(error?.path).toEqual(['updateUser'])
    expect(error?.extensions).toMatchObject({ errorName: 'Invalid', reason: 'ValidationFailed' })
    const causes = (error?.extensions?.info as { causes: { location: string }[] }).causes
    expect(causes.map((cause) => cause.location)).toContain(location)
    expect(error?.message.startsWith('invalid value:')).toBe(true)
  })

  it('accepts both picture forms: http(s) absolute and authgearimages:/// without host', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    for (const picture of ['https://cdn.example.com/me.png', 'http://cdn.example.com/me.png', 'authgearimages:///dev-app/some-object']) {
      const { body } = await updateUser({ userID: user.nodeId, standardAttributes: { picture } })
      expect(body.errors).toBeUndefined()
    }
  })

  it('refuses an anonymized user with UserIsAnonymized', async () => {
    const user = seedUser(fixture.local, 'anonymized')
    const { body } = await updateUser({ userID: user.nodeId, standardAttributes: { name: 'X' } })
    expect(body.data).toBeNull()
    expect(body.errors?.[0]?.extensions).toMatchObject({ errorName: 'Invalid', reason: 'UserIsAnonymized' })
  })

  it('answers NotFound/UserNotFound for an unknown user', async () => {
    const { body } = await updateUser({ userID: toUserNodeId('00000000-0000-4000-8000-000000000000'), standardAttributes: {} })
    expect(body.errors?.[0]).toMatchObject({ message: 'user not found', path: ['updateUser'], extensions: { errorName: 'NotFound', reason: 'UserNotFound' } })
  })

  it('answers Invalid "invalid user ID" for a padded node id', async () => {
    const { body } = await updateUser({ userID: btoa('User:97b1c929-842c-415c-a7df-6967efdda160'), standardAttributes: {} })
    expect(body.errors?.[0]).toMatchObject({ message: 'invalid user ID', extensions: { errorName: 'Invalid', reason: 'Invalid' } })
  })

  it('refuses an inline object literal for the JSON scalar (a validation error, nothing written)', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const { status, body } = await graphql(
      fixture.local,
      `mutation { updateUser(input: { userID: "${user.nodeId}", standardAttributes: { name: "Inline" } }) { user { id } } }`,
    )
    expect(status).toBe(200)
    expect(body.data).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/UserStandardAttributes/)
    expect((await currentAttributes(user.nodeId)).name).toBe('Dmitri Volkov')
  })

  it('rolls the whole request back when one of its mutations fails', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const anonymized = seedUser(fixture.local, 'anonymized')
    const { body } = await graphql(
      fixture.local,
      `mutation ($a: UpdateUserInput!, $b: UpdateUserInput!) {
        a: updateUser(input: $a) { user { id } }
        b: updateUser(input: $b) { user { id } }
      }`,
      { a: { userID: user.nodeId, standardAttributes: { name: 'Changed' } }, b: { userID: anonymized.nodeId, standardAttributes: {} } },
    )
    expect(body.errors?.[0]?.path).toEqual(['b'])
    expect((await currentAttributes(user.nodeId)).name).toBe('Dmitri Volkov')
    expect(fixture.local.stats().mutations).toBe(0)
  })

  it('never lets a failing request roll back a concurrent successful one', async () => {
    const labels = ['picture-jpeg', 'picture-png', 'no-picture', 'disabled'] as const
    const anonymized = seedUser(fixture.local, 'anonymized')
    await Promise.all(
      labels.flatMap((label, i) => [
        updateUser({ userID: seedUser(fixture.local, label).nodeId, customAttributes: { department: `Dept ${i}` } }),
        updateUser({ userID: anonymized.nodeId, customAttributes: {} }),
      ]),
    )
    for (const [i, label] of labels.entries()) {
      const user = await readUser(fixture.local, seedUser(fixture.local, label).nodeId)
      expect(user?.customAttributes).toEqual({ department: `Dept ${i}` })
    }
  })

  it('refuses more than 5 mutation fields in one request (HTTP 400)', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const fields = Array.from({ length: 6 }, (_, i) => `m${i}: updateUser(input: $input) { user { id } }`).join('\n')
    const response = await adminFetch(fixture.local, '/_api/admin/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `mutation ($input: UpdateUserInput!) { ${fields} }`, variables: { input: { userID: user.nodeId } } }),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as ErrorBody
    expect(body.error).toMatchObject({ name: 'BadRequest', message: 'too many mutation fields in one request: got 6, limit is 5' })
  })

  it('allows exactly 5 mutation fields', async () => {
    const user = seedUser(fixture.local, 'no-picture')
    const fields = Array.from({ length: 5 }, (_, i) => `m${i}: updateUser(input: $input) { user { id } }`).join('\n')
    const { body } = await graphql(fixture.local, `mutation ($input: UpdateUserInput!) { ${fields} }`, {
      input: { userID: user.nodeId, customAttributes: { department: 'X' } },
    })
    expect(body.errors).toBeUndefined()
    expect(fixture.local.stats().mutations).toBe(5)
  })

  it('refuses a body over 1 MiB with 413', async () => {
    const padding = 'x'.repeat(GRAPHQL_BODY_LIMIT)
    const response = await adminFetch(fixture.local, '/_api/admin/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${padding}` }),
    })
    expect(response.status).toBe(413)
    expect(((await response.json()) as ErrorBody).error.name).toBe('RequestEntityTooLarge')
  })
})
