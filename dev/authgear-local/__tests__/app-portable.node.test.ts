import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAdminKeyMaterial, createAuthgearApp, MemoryObjectStore, mintAdminJwt, REPO_ROOT } from '../index.ts'
import { multipart } from './helpers.ts'

const here = path.join(REPO_ROOT, 'dev/authgear-local')

/** Every module `entry` imports, transitively (relative ones followed, bare ones collected). */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = []
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.includes(file)) return
    files.push(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1] as string
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(path.join(here, entry))
  return { files, packages }
}

describe('the Fetch handler runs outside Node', () => {
  it.each([
    ['app.ts', ['graphql', 'jose']],
    ['memory-store.ts', []],
  ])('%s imports no Node-only module (packages: %j)', (entry, expected) => {
    const { packages, files } = importGraph(entry)
    expect([...packages].sort()).toEqual(expected)
    expect(files.length).toBeGreaterThan(entry === 'app.ts' ? 10 : 0)
  })

  it('serves the whole upload flow in process (as an msw handler would)', async () => {
    const key = await createAdminKeyMaterial()
    const origin = 'https://authgear.test'
    const app = createAuthgearApp({
      origin,
      schemaSdl: readFileSync(path.join(REPO_ROOT, 'schema/admin-api.graphql'), 'utf8'),
      adminKey: key,
      store: new MemoryObjectStore(),
      renderProfile: async (bytes) => bytes,
    })
    const auth = { Authorization: `Bearer ${await mintAdminJwt(key, app.appId, Date.now())}` }

    const presigned = await app(new Request(`${origin}/_api/admin/images/upload`, { headers: auth }))
    const uploadUrl = ((await presigned.json()) as { result: { upload_url: string } }).result.upload_url
    expect(uploadUrl.startsWith(`${origin}/_images/dev-app/`)).toBe(true)

    const { body, contentType } = multipart([{ name: 'file', filename: 'a.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) }])
    const uploaded = await app(new Request(uploadUrl, { method: 'POST', body: body as BodyInit, headers: { 'Content-Type': contentType } }))
    expect(uploaded.status).toBe(200)
    const { result } = (await uploaded.json()) as { result: { url: string } }

    const original = await app(new Request(`${origin}/_images/${result.url.slice('authgearimages:///'.length)}/original`))
    expect(original.headers.get('content-type')).toBe('image/jpeg')
  })
})
