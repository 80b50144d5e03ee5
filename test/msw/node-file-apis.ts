import { Blob as NodeBlob, File as NodeFile } from 'node:buffer'

/**
 * Under Vitest's jsdom environment `Blob`, `File` and `FormData` are jsdom's
 * while `fetch`, `Request` and `Response` (and so msw) are Node's. The two do
 * not mix: jsdom's `Blob` has no `stream()`, and an upload of one reaches the
 * server as the 9 bytes `undefined`, through `fetch` and XHR alike. A browser
 * has one consistent set; this installs Node's so jsdom tests get one too.
 *
 * Call it in `beforeAll` of a jsdom test file; it returns the restore function.
 */
export async function installNodeFileApis(): Promise<() => void> {
  const form = await new Response('', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData()
  const replaced = { Blob: globalThis.Blob, File: globalThis.File, FormData: globalThis.FormData }
  Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile, FormData: form.constructor })
  return () => void Object.assign(globalThis, replaced)
}
