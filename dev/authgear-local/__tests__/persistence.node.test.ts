import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startAuthgearLocal, type AuthgearLocal } from '../index.ts'
import { filePart, graphql, postForm, presign, readUser, seedUser, UPDATE_USER } from './helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'authgear-local-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

async function start(dataDir: string): Promise<AuthgearLocal> {
  const local = await startAuthgearLocal({ dataDir })
  cleanups.push(() => local.close())
  return local
}

describe('with a data directory', () => {
  it('keeps the admin key, the users and the uploaded objects across restarts', async () => {
    const dataDir = await tempDir()
    const first = await start(dataDir)
    const keyFile = JSON.parse(readFileSync(path.join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; privateKeyPem: string }
    expect(keyFile.keyId).toBe(first.keyId)
    expect(keyFile.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/)

    const user = seedUser(first, 'no-picture')
    const upload = await postForm(await presign(first), [filePart(new Uint8Array(32).fill(9))])
    const { result } = (await upload.json()) as { result: { url: string } }
    await graphql(first, UPDATE_USER, { input: { userID: user.nodeId, standardAttributes: { name: 'Persisted', picture: result.url } } })
    await first.close()
    cleanups.pop()

    const second = await start(dataDir)
    expect(second.keyId).toBe(first.keyId)
    const token = await first.mintAdminJwt()
    const response = await fetch(`${second.url}/_api/admin/images/upload`, { headers: { Authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    const reread = await readUser(second, user.nodeId)
    expect(reread?.standardAttributes.name).toBe('Persisted')
    const objectPath = result.url.slice('authgearimages:///'.length)
    expect(existsSync(path.join(dataDir, 'objects', objectPath))).toBe(true)
    expect((await fetch(`${second.url}/_images/${objectPath}/original`)).status).toBe(200)
  })

  it('resets users.json and objects to the seed', async () => {
    const dataDir = await tempDir()
    const local = await start(dataDir)
    const user = seedUser(local, 'no-picture')
    await graphql(local, UPDATE_USER, { input: { userID: user.nodeId, standardAttributes: { name: 'Temporary' } } })
    await local.reset()
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'users.json'), 'utf8')) as { id: string; standardAttributes: { name: string } }[]
    expect(stored.find((record) => record.id === user.uuid)?.standardAttributes.name).toBe('Dmitri Volkov')
  })
})

describe('without seeding', () => {
  it('starts empty', async () => {
    const local = await startAuthgearLocal({ seed: false })
    cleanups.push(() => local.close())
    expect(local.users).toEqual([])
    const { body } = await graphql(local, '{ users { totalCount } }')
    expect(body.data).toEqual({ users: { totalCount: 0 } })
  })
})
