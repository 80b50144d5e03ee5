/**
 * `authgear-avatar-editor/proxy`: the reference server-side proxy in front of
 * Authgear's Admin API, for Node 20 and any Fetch-API runtime.
 * @packageDocumentation
 */
export { createAdminApiProxy, MAX_GRAPHQL_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from './handler.js'
export type { AdminApiProxyHandler, AdminApiProxyOptions } from './handler.js'
export { createAdminJwtSigner } from './admin-jwt.js'
export type { AdminJwtSigner, AdminJwtSignerOptions } from './admin-jwt.js'
export { createOperationAllowlist, normalizeDocument } from './allowlist.js'
export type { OperationAllowlist } from './allowlist.js'
export type { ProxyRefusal } from './responses.js'
export { toNodeHandler } from './node.js'
export type { NodeHandler, NodeRequest } from './node.js'
