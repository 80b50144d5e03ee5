import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ObjectStore, StoredObject } from './types.ts'

// Ids come from URL paths; anything but a plain token could escape the directory.
const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/

interface ObjectMeta {
  contentType?: string
  createdAt: number
  metadata?: Record<string, unknown>
}

/**
 * An {@link ObjectStore} on disk (Node only): `<root>/<appId>/<objectId>` holds
 * the bytes as uploaded, `<objectId>.json` the metadata.
 */
export class DiskObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  private paths(appId: string, objectId: string): { bytes: string; meta: string } | undefined {
    if (!SAFE_SEGMENT.test(appId) || !SAFE_SEGMENT.test(objectId)) return undefined
    const bytes = path.join(this.root, appId, objectId)
    return { bytes, meta: `${bytes}.json` }
  }

  async put(appId: string, objectId: string, object: StoredObject): Promise<void> {
    const paths = this.paths(appId, objectId)
    if (!paths) throw new Error(`refusing to store object ${appId}/${objectId}`)
    await mkdir(path.dirname(paths.bytes), { recursive: true })
    const meta: ObjectMeta = { contentType: object.contentType, createdAt: object.createdAt, metadata: object.metadata }
    await writeFile(paths.bytes, object.bytes)
    await writeFile(paths.meta, JSON.stringify(meta))
  }

  async get(appId: string, objectId: string): Promise<StoredObject | undefined> {
    const paths = this.paths(appId, objectId)
    if (!paths) return undefined
    try {
      const [bytes, metaText] = await Promise.all([readFile(paths.bytes), readFile(paths.meta, 'utf8')])
      const meta = JSON.parse(metaText) as ObjectMeta
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...meta }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  async has(appId: string, objectId: string): Promise<boolean> {
    const paths = this.paths(appId, objectId)
    if (!paths) return false
    try {
      await stat(paths.bytes)
      return true
    } catch {
      return false
    }
  }

  async clear(): Promise<void> {
    await rm(this.root, { recursive: true, force: true })
  }
}
