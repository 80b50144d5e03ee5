/**
 * The local Authgear: a dev/test backend exactly as strict as Authgear's Admin
 * API, upload and image endpoints (see `../shared/PROTOCOL.md`).
 *
 * This entry is for Node. In jsdom or the browser (msw, Storybook) import
 * `app.ts` and `memory-store.ts` directly: they have no Node-only imports.
 */
export { startAuthgearLocal, loadAdminSchemaSdl, DEFAULT_DATA_DIR, REPO_ROOT } from './server.ts'
export type { AuthgearLocal, AuthgearLocalOptions } from './server.ts'
export { createAuthgearApp } from './app.ts'
export type { AuthgearApp, AuthgearAppDeps } from './app.ts'
export { createAdminKeyMaterial, mintAdminJwt } from './admin-key.ts'
export type { AdminKeyMaterial, MintAdminJwtOptions } from './admin-key.ts'
export { MemoryObjectStore } from './memory-store.ts'
export { DiskObjectStore } from './disk-store.ts'
export { renderProfileWithSharp } from './render-profile.ts'
export { createSeedObjects } from './seed-images.ts'
export { SEED_OBJECT_IDS, SEED_USER_IDS, seedUserRecords, seedUserSummaries } from './seed.ts'
export type { SeedLabel, SeedObject } from './seed.ts'
export { toUserNodeId, userUuidFromNodeId } from './node-id.ts'
export { MAX_UPLOAD_BYTES } from './upload.ts'
export { UPLOAD_URL_EXPIRES_SECONDS } from './presign.ts'
export { ADMIN_JWT_CLOCK_SKEW_SECONDS } from './admin-auth.ts'
export { GRAPHQL_BODY_LIMIT } from './graphql-endpoint.ts'
export { MAX_MUTATION_FIELDS } from './graphql.ts'
export { PROFILE_CACHE_CONTROL } from './images.ts'
export type { LocalUserSummary } from './local-api.ts'
export type {
  AuthgearHandler,
  FaultControl,
  FaultRoute,
  FaultSpec,
  LocalStats,
  ObjectStore,
  PendingFault,
  RenderProfile,
  RequestContext,
  SeedUser,
  StoredObject,
} from './types.ts'
export type { UserRecord } from './users-db.ts'
