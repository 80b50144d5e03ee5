import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAdminKeyMaterial, mintAdminJwt, parseAdminKeyMaterial, type AdminKeyMaterial, type MintAdminJwtOptions } from './admin-key.ts'
import { createAuthgearApp, type AuthgearApp } from './app.ts'
import { DiskObjectStore } from './disk-store.ts'
import { MemoryObjectStore } from './memory-store.ts'
import { nodeListener } from './node-http.ts'
import { renderProfileWithSharp } from './render-profile.ts'
import { seedUserRecords, seedUserSummaries } from './seed.ts'
import { createSeedObjects } from './seed-images.ts'
import type { FaultControl, LocalStats, SeedUser } from './types.ts'
import { parseUserRecords, type UserRecord } from './users-db.ts'

/** Options of {@link startAuthgearLocal}. */
export interface AuthgearLocalOptions {
  /** @default 0 (a random free port) */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
  /** Persist the admin key, `users.json` and uploaded objects here. @default in-memory only */
  dataDir?: string
  /** @default 'dev-app' */
  appId?: string
  /** Origins the image endpoints answer CORS for, besides the server's own. @default [] */
  allowedOrigins?: string[]
  /** Clock in ms. @default Date.now */
  now?: () => number
  /** Start with the seeded users and pictures. @default true */
  seed?: boolean
  /** Receives one line per request. @default silent */
  log?: (line: string) => void
}

/** A running local Authgear. */
export interface AuthgearLocal {
  /** Origin, e.g. `http://127.0.0.1:54321`, no trailing slash. */
  url: string
  appId: string
  keyId: string
  /** PKCS#8 PEM of the dev Admin API key, as the portal gives it. */
  privateKeyPem: string
  publicJwk: JsonWebKey
  dataDir: string | undefined
  users: SeedUser[]
  /** The same operations as the HTTP fault API, in process. */
  faults: FaultControl
  stats(): LocalStats
  /** Test helper: a valid admin JWT (timed by the injected clock). */
  mintAdminJwt(options?: MintAdminJwtOptions): Promise<string>
  /** Back to the seeded state (users, objects, faults, counters). */
  reset(): Promise<void>
  close(): Promise<void>
  /** The Fetch handler behind the server (for in-process requests and its test helpers). */
  app: AuthgearApp
}

const here = path.dirname(fileURLToPath(import.meta.url))

/** Repository root (this file lives in `dev/authgear-local/`). */
export const REPO_ROOT = path.resolve(here, '../..')

/** Where the CLI keeps its state by default (git-ignored). */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.authgear-local')

/** Reads `schema/admin-api.graphql`. */
export function loadAdminSchemaSdl(): Promise<string> {
  return readFile(path.join(REPO_ROOT, 'schema/admin-api.graphql'), 'utf8')
}

async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(value, null, 2))
  await rename(temp, file)
}

/** Loads `admin-key.json` from the data dir, creating (and saving) a key on first start. */
async function loadOrCreateAdminKey(dataDir: string | undefined): Promise<AdminKeyMaterial> {
  if (!dataDir) return createAdminKeyMaterial()
  const file = path.join(dataDir, 'admin-key.json')
  if (existsSync(file)) return parseAdminKeyMaterial(JSON.parse(await readFile(file, 'utf8')))
  const material = await createAdminKeyMaterial()
  await writeJsonAtomically(file, material)
  return material
}

async function loadUsers(dataDir: string | undefined, initial: () => UserRecord[]): Promise<UserRecord[]> {
  if (!dataDir) return initial()
  const file = path.join(dataDir, 'users.json')
  if (!existsSync(file)) return initial()
  return parseUserRecords(JSON.parse(await readFile(file, 'utf8')))
}

/** Serialises writes of `users.json` so a slow write never lands after a newer one. */
function usersWriter(dataDir: string | undefined): { save: (users: UserRecord[]) => Promise<void>; flush: () => Promise<void> } {
  let chain = Promise.resolve()
  return {
    save(users) {
      if (!dataDir) return Promise.resolve()
      chain = chain.then(() => writeJsonAtomically(path.join(dataDir, 'users.json'), users)).catch(() => undefined)
      return chain
    },
    flush: () => chain,
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

const originHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Starts the local Authgear on `node:http`: the Fetch handler of `app.ts`
 * with sharp rendering `/profile`, objects in memory or under `dataDir`, and
 * the seeded users (loaded from `dataDir/users.json` when it exists).
 */
export async function startAuthgearLocal(options: AuthgearLocalOptions = {}): Promise<AuthgearLocal> {
  const appId = options.appId ?? 'dev-app'
  const host = options.host ?? '127.0.0.1'
  const now = options.now ?? Date.now
  const seed = options.seed ?? true
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined
  if (dataDir) await mkdir(dataDir, { recursive: true })

  const initialUsers = () => (seed ? seedUserRecords(appId) : [])
  const [adminKey, schemaSdl, seedObjects, users] = await Promise.all([
    loadOrCreateAdminKey(dataDir),
    loadAdminSchemaSdl(),
    seed ? createSeedObjects() : Promise.resolve([]),
    loadUsers(dataDir, initialUsers),
  ])
  const writer = usersWriter(dataDir)

  // The origin (and so the app) is known only once the port is bound; no request arrives before that.
  const holder: { app?: AuthgearApp; origin: string } = { origin: '' }
  const server = createServer(
    nodeListener((request, context) => (holder.app as AuthgearApp)(request, context), () => new URL(holder.origin).host),
  )
  const address = await listen(server, options.port ?? 0, host)
  const origin = `http://${originHost(host)}:${address.port}`
  holder.origin = origin
  const app = createAuthgearApp({
    origin,
    appId,
    schemaSdl,
    adminKey,
    store: dataDir ? new DiskObjectStore(path.join(dataDir, 'objects')) : new MemoryObjectStore(),
    renderProfile: renderProfileWithSharp,
    now,
    allowedOrigins: options.allowedOrigins,
    users,
    seedUsers: initialUsers,
    seedObjects,
    onUsersChanged: (records) => writer.save(records),
    log: options.log,
  })
  holder.app = app
  await app.ready
  const running = app

  return {
    url: origin,
    appId,
    keyId: adminKey.keyId,
    privateKeyPem: adminKey.privateKeyPem,
    publicJwk: adminKey.publicJwk,
    dataDir,
    users: seed ? seedUserSummaries() : [],
    faults: running.faults,
    stats: () => running.stats(),
    mintAdminJwt: (mintOptions) => mintAdminJwt(adminKey, appId, now(), mintOptions),
    reset: () => running.reset(),
    app: running,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await writer.flush()
    },
  }
}
