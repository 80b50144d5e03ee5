/**
 * The client, through the reference proxy, against the local Authgear over real
 * HTTP: every error of PROTOCOL.md, the retries, and no attribute lost.
 */
import { exportPKCS8, generateKeyPair } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAuthgearLocal } from '../../dev/authgear-local/index.ts'
import { sleep } from './abort.ts'
import type { AdminApiClient } from './client.ts'
import { isAdminApiError, type AdminApiErrorCode } from './errors.ts'
import { MAX_UPLOAD_BYTES } from './image-check.ts'
import { UpdateUserStandardAttributesDocument } from './operations.ts'
import { clientFor, jpegOfSize, startProxy, type AuthgearLocal, type RunningProxy } from './test-utils/authgear-stack.ts'
import { removeUserPicture, updateUserPicture, type UpdateUserPictureStage } from './update-user-picture.ts'
import { toUserNodeId } from './user-id.ts'
import { rejection } from './test-utils/rejection.ts'

let ag: AuthgearLocal
let proxy: RunningProxy
let client: AdminApiClient
const noWait = { delay: () => 0 }

beforeAll(async () => {
  ag = await startAuthgearLocal()
  proxy = await startProxy(ag)
  client = clientFor(proxy)
})

afterAll(async () => {
  await proxy?.close()
  await ag?.close()
})

beforeEach(async () => {
  await ag.reset()
})

const seeded = (label: string) => {
  const user = ag.users.find((candidate) => candidate.label === label)
  if (!user) throw new Error(`no seeded user ${label}`)
  return user
}


async function expectCode(promise: Promise<unknown>, code: AdminApiErrorCode) {
  const error = await rejection(promise)
  if (!isAdminApiError(error, code)) throw new Error(`expected ${code}, got ${String(error)} (${(error as { code?: string }).code})`)
  return error
}

/** Everything about a user but the picture and what Authgear derives on write. */
async function attributesBesidesPicture(userId: string) {
  const user = await client.getUser(userId, { customAttributes: true })
  const { picture: _picture, updated_at: _updatedAt, ...standard } = user.standardAttributes
  return { standard, custom: user.customAttributes }
}

describe('updateUserPicture against the local Authgear', () => {
  it('sets the picture and keeps every other standard and custom attribute', async () => {
    const alice = seeded('picture-jpeg')
    const before = await attributesBesidesPicture(alice.uuid)
    expect(Object.keys(before.standard).length).toBeGreaterThan(10)
    expect(Object.keys(before.custom ?? {}).length).toBeGreaterThan(0)
    const oldPicture = (await client.getUser(alice.uuid)).standardAttributes.picture

    const stages: UpdateUserPictureStage[] = []
    const result = await updateUserPicture(client, { userId: alice.uuid, image: jpegOfSize(5000), onStage: (stage) => stages.push(stage) })

    expect(result.storedAs).toMatch(new RegExp(`^authgearimages:///${ag.appId}/[\\w-]+$`))
    expect(result.picture).not.toBe(oldPicture)
    expect(result.picture).toMatch(new RegExp(`^${ag.url}/_images/${ag.appId}/[\\w-]+/profile$`))
    expect(result.user.id).toBe(alice.nodeId)
    expect(stages).toEqual(['upload-url', 'uploading', 'saving', 'saved'])
    expect((await client.getUser(alice.nodeId)).standardAttributes.picture).toBe(result.picture)
    expect(await attributesBesidesPicture(alice.uuid)).toEqual(before)
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 1, uploadsStored: 1, mutations: 1 })

    const served = await fetch(result.picture)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toMatch(/^image\//)
  })

  it('removes the picture and keeps every other standard and custom attribute', async () => {
    const bob = seeded('picture-png')
    const before = await attributesBesidesPicture(bob.uuid)
    const user = await removeUserPicture(client, { userId: bob.uuid })
    expect(user.standardAttributes.picture).toBeUndefined()
    expect((await client.getUser(bob.uuid)).standardAttributes.picture).toBeUndefined()
    expect(await attributesBesidesPicture(bob.uuid)).toEqual(before)
  })

  it('keeps an external http picture of another user untouched and replaces it when asked', async () => {
    const carmen = seeded('picture-external')
    expect((await client.getUser(carmen.uuid)).standardAttributes.picture).toBe('https://images.example.com/avatars/carmen-diaz.jpg')
    const before = await attributesBesidesPicture(carmen.uuid)
    const result = await updateUserPicture(client, { userId: carmen.uuid, image: jpegOfSize(400) })
    expect(result.picture).toContain('/_images/')
    expect(await attributesBesidesPicture(carmen.uuid)).toEqual(before)
  })

  it.each([
    ['a UUID', (user: { uuid: string }) => user.uuid],
    ['an upper-case UUID', (user: { uuid: string }) => user.uuid.toUpperCase()],
    ['an unpadded base64url node id', (user: { nodeId: string }) => user.nodeId],
    ['a padded standard base64 node id', (user: { uuid: string }) => btoa(`User:${user.uuid}`)],
  ])('accepts the user id as %s', async (_, idOf) => {
    const dmitri = seeded('no-picture')
    const result = await updateUserPicture(client, { userId: idOf(dmitri), image: jpegOfSize(300) })
    expect(result.user.id).toBe(toUserNodeId(dmitri.uuid))
    expect((await client.getUser(dmitri.uuid)).standardAttributes.picture).toBe(result.picture)
  })

  it('uploads straight to Authgear in direct mode', async () => {
    const direct = clientFor(proxy, { upload: 'direct' })
    const result = await updateUserPicture(direct, { userId: seeded('no-picture').uuid, image: jpegOfSize(300) })
    expect(result.storedAs).toMatch(/^authgearimages:\/\/\//)
    expect(ag.stats().uploadsStored).toBe(1)
  })
})

describe('every error of the protocol surfaces as its code', () => {
  it('an upload URL that expired: upload-url-expired', async () => {
    const target = await client.getUploadUrl()
    expect(ag.faults.expireUploadUrls()).toBeGreaterThan(0)
    const error = await expectCode(client.uploadImage(target, jpegOfSize(300)), 'upload-url-expired')
    expect(error).toMatchObject({ status: 400, reason: 'ExpiredSignature', retryable: true })
  })

  it('an upload URL used twice: duplicated-image', async () => {
    const target = await client.getUploadUrl()
    await client.uploadImage(target, jpegOfSize(300))
    const error = await expectCode(client.uploadImage(target, jpegOfSize(300)), 'duplicated-image')
    expect(error).toMatchObject({ status: 409, reason: 'DuplicatedImage' })
  })

  it('10,485,761 bytes: asset-too-large from Authgear, and 10 MiB exactly is stored', async () => {
    const tooLarge = jpegOfSize(MAX_UPLOAD_BYTES + 1)
    expect(tooLarge.size).toBe(10_485_761)
    const error = await expectCode(client.uploadImage(await client.getUploadUrl(), tooLarge), 'asset-too-large')
    expect(error.status).toBe(400)
    await expect(client.uploadImage(await client.getUploadUrl(), jpegOfSize(MAX_UPLOAD_BYTES))).resolves.toMatch(/^authgearimages:/)
  })

  it('10,485,761 bytes: updateUserPicture refuses before any request', async () => {
    await expectCode(updateUserPicture(client, { userId: seeded('no-picture').uuid, image: jpegOfSize(MAX_UPLOAD_BYTES + 1) }), 'asset-too-large')
    expect(ag.stats().uploadUrlsIssued).toBe(0)
  })

  it('a JWT Authgear does not accept: forbidden', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    const wrongKey = await startProxy(ag, { privateKey: await exportPKCS8(privateKey) })
    try {
      const error = await expectCode(clientFor(wrongKey).getUploadUrl(), 'forbidden')
      expect(error.status).toBe(403)
      await expectCode(clientFor(wrongKey).getUser(seeded('no-picture').uuid), 'forbidden')
    } finally {
      await wrongKey.close()
    }
  })

  it("the proxy refuses the admin's session: unauthorized", async () => {
    const refusing = await startProxy(ag, { authorize: () => false })
    try {
      const error = await expectCode(clientFor(refusing).getUploadUrl(), 'unauthorized')
      expect(error).toMatchObject({ status: 401, reason: 'ProxyUnauthorized' })
    } finally {
      await refusing.close()
    }
  })

  it('an unknown user: user-not-found, on read and on update', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000'
    await expectCode(client.getUser(nobody), 'user-not-found')
    await expectCode(client.setUserPicture(nobody, null), 'user-not-found')
    await expectCode(updateUserPicture(client, { userId: nobody, image: jpegOfSize(300) }), 'user-not-found')
    expect(ag.stats().mutations).toBe(0)
  })

  it('an anonymized user: user-anonymized', async () => {
    const anonymized = seeded('anonymized')
    // Read first, a UI can say so before any upload.
    await expect(client.getUser(anonymized.uuid)).resolves.toMatchObject({ isAnonymized: true })
    await expect(client.getUser(seeded('no-picture').uuid)).resolves.toMatchObject({ isAnonymized: false })
    const error = await expectCode(updateUserPicture(client, { userId: anonymized.uuid, image: jpegOfSize(300), retry: noWait }), 'user-anonymized')
    expect(error).toMatchObject({ status: 200, reason: 'UserIsAnonymized' })
  })

  it('a picture Authgear refuses: validation-failed', async () => {
    const dmitri = seeded('no-picture')
    const { standardAttributes } = await client.getUser(dmitri.uuid)
    const { email_verified: _e, phone_number_verified: _p, updated_at: _u, ...writable } = standardAttributes
    // The default proxy refuses any picture but the app's own images before Authgear sees it.
    const unchecked = await startProxy(ag, { checkPictureWrites: false })
    try {
      const error = await expectCode(
        clientFor(unchecked).request(UpdateUserStandardAttributesDocument, { userID: dmitri.nodeId, standardAttributes: { ...writable, picture: 'ftp://example.com/a.png' } }),
        'validation-failed',
      )
      expect(error).toMatchObject({ status: 200, reason: 'ValidationFailed' })
      expect(ag.stats().mutations).toBe(0)
    } finally {
      await unchecked.close()
    }
  })

  it('a connection cut during the upload: network', async () => {
    const target = await client.getUploadUrl()
    ag.faults.add({ route: 'upload', cut: true })
    const error = await expectCode(client.uploadImage(target, jpegOfSize(200_000)), 'network')
    expect(error.retryable).toBe(true)
  })

  it('a connection cut on the Admin API: network', async () => {
    ag.faults.add({ route: 'graphql', cut: true })
    await expectCode(client.getUser(seeded('no-picture').uuid), 'network')
  })

  it('an aborted request: aborted', async () => {
    // With a status, the delayed answer has no side effect that could land in a later test.
    ag.faults.add({ route: 'upload-url', latencyMs: 5_000, status: 503 })
    const controller = new AbortController()
    const pending = client.getUploadUrl({ signal: controller.signal })
    await expect.poll(() => ag.faults.pending().length).toBe(0)
    controller.abort()
    await expectCode(pending, 'aborted')
  })

  it('garbage instead of JSON: unexpected-response', async () => {
    ag.faults.add({ route: 'graphql', status: 200, body: '{"data": {"node": ', contentType: 'application/json' })
    await expectCode(client.getUser(seeded('no-picture').uuid), 'unexpected-response')
    ag.faults.add({ route: 'upload-url', status: 200, body: '<html>maintenance</html>', contentType: 'text/html' })
    await expectCode(client.getUploadUrl(), 'unexpected-response')
  })

  it('an upload_url that is not an Authgear images URL is never used: unexpected-response', async () => {
    ag.faults.add({ route: 'upload-url', status: 200, body: JSON.stringify({ result: { upload_url: 'https://evil.example/collect' } }) })
    await expectCode(updateUserPicture(client, { userId: seeded('no-picture').uuid, image: jpegOfSize(300) }), 'unexpected-response')
    expect(ag.stats().uploadsStored).toBe(0)
  })
})

describe('retries', () => {
  it('asks for a fresh URL and uploads again after ExpiredSignature', async () => {
    const dmitri = seeded('no-picture')
    const result = await updateUserPicture(client, {
      userId: dmitri.uuid,
      image: jpegOfSize(300),
      retry: noWait,
      onStage: (stage, attempt) => {
        // The URL expires between being issued and being used, once.
        if (stage === 'uploading' && attempt === 1) ag.faults.expireUploadUrls()
      },
    })
    expect(result.picture).toContain('/_images/')
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 2, uploadsStored: 1, mutations: 1 })
  })

  it('asks for a fresh URL and uploads again after 409 DuplicatedImage', async () => {
    ag.faults.add({
      route: 'upload',
      status: 409,
      body: JSON.stringify({ error: { name: 'AlreadyExists', reason: 'DuplicatedImage', message: 'duplicated image', code: 409 } }),
    })
    const result = await updateUserPicture(client, { userId: seeded('no-picture').uuid, image: jpegOfSize(300), retry: noWait })
    expect(result.storedAs).toMatch(/^authgearimages:/)
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 2, uploadsStored: 1 })
  })

  it('uploads again after a cut connection', async () => {
    ag.faults.add({ route: 'upload', cut: true })
    await updateUserPicture(client, { userId: seeded('no-picture').uuid, image: jpegOfSize(200_000), retry: noWait })
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 2, uploadsStored: 1, mutations: 1 })
  })

  it('gives up after the configured number of tries', async () => {
    ag.faults.add({ route: 'upload', cut: true, times: 2 })
    await expectCode(updateUserPicture(client, { userId: seeded('no-picture').uuid, image: jpegOfSize(300), retry: { attempts: 2, delay: () => 0 } }), 'network')
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 2, uploadsStored: 0, mutations: 0 })
  })

  it('retries only the save, not the upload, when the mutation fails', async () => {
    let mutationsSent = 0
    const faulting = clientFor(proxy, {
      fetch: (input, init) => {
        // Fail the first mutation itself (after a good read), as a flaky gateway would.
        if (typeof init?.body === 'string' && init.body.includes('mutation') && mutationsSent++ === 0) {
          ag.faults.add({ route: 'graphql', status: 503, body: 'Service Unavailable', contentType: 'text/plain' })
        }
        return fetch(input, init)
      },
    })
    const stages: string[] = []
    const result = await updateUserPicture(faulting, {
      userId: seeded('no-picture').uuid,
      image: jpegOfSize(300),
      retry: noWait,
      onStage: (stage, attempt) => stages.push(`${stage}#${attempt}`),
    })
    expect(result.picture).toContain('/_images/')
    expect(mutationsSent).toBe(2)
    expect(stages).toEqual(['upload-url#1', 'uploading#1', 'saving#1', 'saving#2', 'saved#1'])
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 1, uploadsStored: 1, mutations: 1 })
  })

  it('retries the save after a cut connection without uploading again', async () => {
    const faulting = clientFor(proxy)
    const result = await updateUserPicture(faulting, {
      userId: seeded('no-picture').uuid,
      image: jpegOfSize(300),
      retry: noWait,
      onStage: (stage, attempt) => {
        if (stage === 'saving' && attempt === 1) ag.faults.add({ route: 'graphql', cut: true })
      },
    })
    expect(result.storedAs).toMatch(/^authgearimages:/)
    expect(ag.stats()).toMatchObject({ uploadsStored: 1, mutations: 1 })
  })
})

describe('abort', () => {
  it.each(['upload-url', 'uploading', 'saving'] as const)('at the %s step leaves the user unchanged', async (step) => {
    const alice = seeded('picture-jpeg')
    const before = await client.getUser(alice.uuid, { customAttributes: true })
    const controller = new AbortController()
    await expectCode(
      updateUserPicture(client, {
        userId: alice.uuid,
        image: jpegOfSize(300),
        signal: controller.signal,
        onStage: (stage) => {
          if (stage === step) controller.abort()
        },
      }),
      'aborted',
    )
    expect(await client.getUser(alice.uuid, { customAttributes: true })).toEqual(before)
    expect(ag.stats().mutations).toBe(0)
  })

  it('in the middle of the upload leaves the user unchanged', async () => {
    const alice = seeded('picture-jpeg')
    const before = await client.getUser(alice.uuid, { customAttributes: true })
    // With a status, the delayed answer has no side effect that could land in a later test.
    ag.faults.add({ route: 'upload', latencyMs: 5_000, status: 503 })
    const controller = new AbortController()
    const pending = updateUserPicture(client, { userId: alice.uuid, image: jpegOfSize(300), signal: controller.signal })
    await expect.poll(() => ag.faults.pending().length).toBe(0)
    controller.abort()
    await expectCode(pending, 'aborted')
    expect(await client.getUser(alice.uuid, { customAttributes: true })).toEqual(before)
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 1, mutations: 0 })
  })

  it('while waiting to retry stops at once', async () => {
    ag.faults.add({ route: 'upload', cut: true })
    const controller = new AbortController()
    let waiting = false
    const pending = updateUserPicture(client, {
      userId: seeded('no-picture').uuid,
      image: jpegOfSize(300),
      signal: controller.signal,
      retry: {
        delay: () => 60_000,
        sleep: (ms, signal) => {
          waiting = true
          return sleep(ms, signal)
        },
      },
    })
    await expect.poll(() => waiting).toBe(true)
    controller.abort()
    await expectCode(pending, 'aborted')
    expect(ag.stats()).toMatchObject({ uploadUrlsIssued: 1, uploadsStored: 0, mutations: 0 })
  })
})

describe('the proxy in front of the local Authgear', () => {
  it('signs a JWT the Admin API accepts', async () => {
    await expect(client.getUploadUrl()).resolves.toMatchObject({ appId: ag.appId })
    await expect(client.getUser(seeded('no-picture').uuid)).resolves.toMatchObject({ id: seeded('no-picture').nodeId })
  })

  it('refuses a forged operation before it reaches Authgear', async () => {
    const requestsBefore = ag.stats().graphqlRequests
    const response = await fetch(`${proxy.endpoint}/_api/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($id: ID!) { deleteUser(input: { userID: $id }) { deletedUserID } }', variables: { id: seeded('no-picture').nodeId } }),
    })
    expect(response.status).toBe(403)
    expect(ag.stats().graphqlRequests).toBe(requestsBefore)
    await expect(client.getUser(seeded('no-picture').uuid)).resolves.toBeTruthy()
  })
})

describe('the proxy holds updateUser to a picture change', () => {
  let unchecked: RunningProxy
  let uncheckedClient: AdminApiClient

  beforeAll(async () => {
    unchecked = await startProxy(ag, { checkPictureWrites: false })
    uncheckedClient = clientFor(unchecked)
  })

  afterAll(async () => {
    await unchecked?.close()
  })

  /** The standard attributes as a write sends them back. */
  async function writableAttributes(userId: string) {
    const { standardAttributes } = await client.getUser(userId)
    const { email_verified: _e, phone_number_verified: _p, updated_at: _u, ...writable } = standardAttributes
    return writable
  }

  /** A client through `through` whose first save is preceded by someone else renaming the user. */
  function racingClient(userId: string, through: RunningProxy) {
    const race = { ran: false }
    const racing = clientFor(through, {
      fetch: async (input, init) => {
        if (!race.ran && typeof init?.body === 'string' && init.body.includes('AvatarEditorUpdateUserStandardAttributes')) {
          race.ran = true
          const renamed = { ...(await writableAttributes(userId)), name: 'Renamed elsewhere' }
          await uncheckedClient.request(UpdateUserStandardAttributesDocument, { userID: toUserNodeId(userId), standardAttributes: renamed })
        }
        return fetch(input, init)
      },
    })
    return { racing, race }
  }

  it('refuses a write that changes another attribute: conflict, and Authgear sees no mutation', async () => {
    const user = seeded('picture-jpeg')
    const attributes = await writableAttributes(user.uuid)
    const mutations = ag.stats().mutations
    const error = await expectCode(
      client.request(UpdateUserStandardAttributesDocument, { userID: user.nodeId, standardAttributes: { ...attributes, name: 'Mallory' } }),
      'conflict',
    )
    expect(error).toMatchObject({ status: 409, reason: 'ProxyAttributesChanged', retryable: true })
    expect(ag.stats().mutations).toBe(mutations)
    expect((await client.getUser(user.uuid)).standardAttributes.name).toBe(attributes.name)
  })

  it.each([
    ['an external https URL', 'https://tracker.example.com/pixel.png'],
    ["another app's image", 'authgearimages:///other-app/0a4c4f0e-6d2c-4d7b-9b5e-6a1f3c2d1e0f'],
  ])('refuses %s as the picture: forbidden', async (_, picture) => {
    const user = seeded('no-picture')
    const mutations = ag.stats().mutations
    const error = await expectCode(
      client.request(UpdateUserStandardAttributesDocument, { userID: user.nodeId, standardAttributes: { ...(await writableAttributes(user.uuid)), picture } }),
      'forbidden',
    )
    expect(error).toMatchObject({ status: 403, reason: 'ProxyPictureNotAllowed' })
    expect(ag.stats().mutations).toBe(mutations)
  })

  it.each([
    ['an unknown user', toUserNodeId('00000000-0000-4000-8000-000000000000')],
    ['a raw UUID instead of a node id', '7d3f9c2a-0000-4000-8000-000000000000'],
  ])('refuses a write for %s that the read does not find: user-not-found, no mutation', async (_, userID) => {
    const mutations = ag.stats().mutations
    const error = await expectCode(client.request(UpdateUserStandardAttributesDocument, { userID, standardAttributes: { name: 'Mallory' } }), 'user-not-found')
    expect(error).toMatchObject({ status: 404, reason: 'ProxyUserNotFound' })
    expect(ag.stats().mutations).toBe(mutations)
  })

  it('keeps a change made elsewhere between the read and the write: updateUserPicture reads again and saves', async () => {
    const user = seeded('picture-jpeg')
    const { racing, race } = racingClient(user.uuid, proxy)
    const result = await updateUserPicture(racing, { userId: user.uuid, image: jpegOfSize(300), retry: noWait })
    expect(race.ran).toBe(true)
    const after = await client.getUser(user.uuid)
    expect(after.standardAttributes.name).toBe('Renamed elsewhere')
    expect(after.standardAttributes.picture).toBe(result.picture)
  })

  it('without the check the same race loses the other change (what the check prevents)', async () => {
    const user = seeded('picture-jpeg')
    const before = await writableAttributes(user.uuid)
    const { racing: racingUnchecked, race } = racingClient(user.uuid, unchecked)
    await updateUserPicture(racingUnchecked, { userId: user.uuid, image: jpegOfSize(300), retry: noWait })
    expect(race.ran).toBe(true)
    expect((await client.getUser(user.uuid)).standardAttributes.name).toBe(before.name)
  })
})
