/** Where the demo mounts the reference proxy; the editor's `endpoint`. */
export const PROXY_PATH = '/api/authgear'
