/** Types shared by the Fetch handler, its stores and the Node wrapper. */

/** One uploaded object, as the object store keeps it. */
export interface StoredObject {
  bytes: Uint8Array
  /** The `Content-Type` of the multipart file part, if it had one (informational: Authgear never trusts it). */
  contentType?: string
  /** ms since epoch. */
  createdAt: number
  /** The decoded `x-authgear-metadata` of the upload URL. */
  metadata?: Record<string, unknown>
}

/** Where uploaded objects live, keyed by app id and object id (the `<uuid>` of the upload URL). */
export interface ObjectStore {
  put(appId: string, objectId: string, object: StoredObject): Promise<void>
  get(appId: string, objectId: string): Promise<StoredObject | undefined>
  has(appId: string, objectId: string): Promise<boolean>
  /** Removes every object (used by reset). */
  clear(): Promise<void>
}

/**
 * Renders the 240x240 `/profile` variant; `null` when the bytes are not an
 * image the renderer can read (the image server then answers 502).
 */
export type RenderProfile = (bytes: Uint8Array) => Promise<Uint8Array | null>

/** The endpoints a fault can hit. */
export type FaultRoute = 'upload-url' | 'upload' | 'graphql' | 'images'

/** A fault to inject into the next `times` requests of a route. */
export interface FaultSpec {
  route: FaultRoute
  /** How many requests it affects. @default 1 */
  times?: number
  /** Answer with this status instead of the real answer. */
  status?: number
  /** Body of that answer. @default '' */
  body?: string
  /** `Content-Type` of that answer. @default `application/json` when the body is JSON, else `text/plain; charset=utf-8` */
  contentType?: string
  /** Delay before answering (or before the real handling, when no status is given), in ms. */
  latencyMs?: number
  /** Destroy the connection after reading part of the request body. */
  cut?: boolean
}

/** A fault still waiting for requests. */
export interface PendingFault extends FaultSpec {
  times: number
}

/** The in-process fault API (the same operations as `/__local/*`). */
export interface FaultControl {
  /** Queues a fault; throws a `TypeError` for an invalid spec. */
  add(fault: FaultSpec): void
  /** Drops every pending fault. */
  clear(): void
  /** Every upload URL issued so far now answers `ExpiredSignature`; returns how many. */
  expireUploadUrls(): number
  /** The faults still pending, in the order they will fire. */
  pending(): PendingFault[]
}

/** Counters since start or the last reset. */
export interface LocalStats {
  /** Upload URLs handed out by `GET /_api/admin/images/upload`. */
  uploadUrlsIssued: number
  /** Uploads accepted and stored (seed pictures not counted). */
  uploadsStored: number
  /** Authorized GraphQL requests that reached execution. */
  graphqlRequests: number
  /** Mutation fields executed and committed (a rolled-back request counts none). */
  mutations: number
}

/** A seeded user, for tests and the demo to name. */
export interface SeedUser {
  uuid: string
  /** The GraphQL node id (`base64url("User:" + uuid)`, unpadded). */
  nodeId: string
  /** A stable handle describing what the user is for, e.g. `picture-jpeg`, `anonymized`. */
  label: string
  hasPicture: boolean
}

/** Facts about the connection the Fetch handler cannot see in a `Request`. */
export interface RequestContext {
  /** The peer address; `/__local/*` answers only loopback peers. Absent means in-process (trusted). */
  remoteAddress?: string
  /** Destroys the underlying connection (for `cut` faults); without it a cut answers `Response.error()`. */
  destroyConnection?: () => void
}

/** The Fetch-API handler: `(request, context?) => Response`. */
export type AuthgearHandler = (request: Request, context?: RequestContext) => Promise<Response>
