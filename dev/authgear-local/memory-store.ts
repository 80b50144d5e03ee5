import type { ObjectStore, StoredObject } from './types.ts'

/** An {@link ObjectStore} in memory; runs anywhere (Node, jsdom, the browser). */
export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, StoredObject>()

  private static key(appId: string, objectId: string): string {
    return `${appId}/${objectId}`
  }

  async put(appId: string, objectId: string, object: StoredObject): Promise<void> {
    this.objects.set(MemoryObjectStore.key(appId, objectId), { ...object, bytes: object.bytes.slice() })
  }

  async get(appId: string, objectId: string): Promise<StoredObject | undefined> {
    return this.objects.get(MemoryObjectStore.key(appId, objectId))
  }

  async has(appId: string, objectId: string): Promise<boolean> {
    return this.objects.has(MemoryObjectStore.key(appId, objectId))
  }

  async clear(): Promise<void> {
    this.objects.clear()
  }
}
