import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startAuthgearLocal, type AuthgearLocal } from '../dev/authgear-local/index.ts'
import { main } from './node-set-picture.ts'

let ag: AuthgearLocal
let dir: string

beforeAll(async () => {
  ag = await startAuthgearLocal()
  dir = await mkdtemp(path.join(tmpdir(), 'node-set-picture-'))
  await writeFile(path.join(dir, 'admin-key.pem'), ag.privateKeyPem)
})

afterAll(async () => {
  await ag?.close()
  await rm(dir, { recursive: true, force: true })
})

/** Reads a user straight from the local Authgear, not through the code under test. */
async function readUser(nodeId: string) {
  const response = await fetch(`${ag.url}/_api/admin/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await ag.mintAdminJwt()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($id: ID!) { node(id: $id) { ... on User { standardAttributes customAttributes } } }',
      variables: { id: nodeId },
    }),
  })
  const { data } = (await response.json()) as { data: { node: { standardAttributes: Record<string, unknown>; customAttributes: Record<string, unknown> } } }
  return data.node
}

describe('examples/node-set-picture.ts', () => {
  it('puts a picture on a seeded user and keeps every other standard and custom attribute', async () => {
    const alice = ag.users.find((user) => user.label === 'picture-jpeg')!
    const before = await readUser(alice.nodeId)
    expect(before.standardAttributes.picture).toEqual(expect.any(String))
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    const result = await main(
      ['--origin', ag.url, '--app-id', ag.appId, '--key-id', ag.keyId, '--key-file', path.join(dir, 'admin-key.pem'), '--user', alice.uuid],
      {},
    )
    vi.restoreAllMocks()

    const after = await readUser(alice.nodeId)
    expect(after.standardAttributes.picture).toBe(result.picture)
    expect(after.standardAttributes.picture).not.toBe(before.standardAttributes.picture)
    const withoutChanging = ({ picture: _picture, updated_at: _updatedAt, ...rest }: Record<string, unknown>) => rest
    expect(withoutChanging(after.standardAttributes)).toEqual(withoutChanging(before.standardAttributes))
    expect(after.customAttributes).toEqual(before.customAttributes)
    expect(ag.stats()).toMatchObject({ uploadsStored: 1, mutations: 1 })

    const served = await fetch(result.picture)
    expect(served.status).toBe(200)
  })

  it('takes its settings from the environment and an image file from the command line', async () => {
    const dmitri = ag.users.find((user) => user.label === 'no-picture')!
    const image = path.join(dir, 'photo.png')
    // A 1x1 PNG.
    await writeFile(image, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = await main(['--image', image], {
      AUTHGEAR_ORIGIN: ag.url,
      AUTHGEAR_APP_ID: ag.appId,
      AUTHGEAR_KEY_ID: ag.keyId,
      AUTHGEAR_KEY_FILE: path.join(dir, 'admin-key.pem'),
      AUTHGEAR_USER_ID: dmitri.nodeId,
    })
    vi.restoreAllMocks()
    expect((await readUser(dmitri.nodeId)).standardAttributes.picture).toBe(result.picture)
  })

  it('says which setting is missing', async () => {
    await expect(main([], {})).rejects.toThrow(/--key-file or AUTHGEAR_KEY_FILE/)
  })
})
