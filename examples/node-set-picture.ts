/**
 * Puts a picture on an Authgear user from Node, the way a dashboard backend would:
 * the reference proxy runs in this process in front of Authgear, and the
 * framework-free client talks to it over HTTP.
 *
 *   npx tsx examples/node-set-picture.ts --origin https://myapp.authgear.cloud \
 *     --app-id myapp --key-id <kid> --key-file admin-key.pem --user <uuid or node id> [--image photo.jpg]
 *
 * Each flag may come from the environment instead: AUTHGEAR_ORIGIN, AUTHGEAR_APP_ID,
 * AUTHGEAR_KEY_ID, AUTHGEAR_KEY_FILE, AUTHGEAR_USER_ID, AVATAR_IMAGE.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createAdminApiClient, updateUserPicture, type UpdateUserPictureResult } from '../src/core/index.ts'
import { createAdminApiProxy, toNodeHandler } from '../src/proxy/index.ts'

/** A 32x32 blue JPEG, used when no image is given. */
const GENERATED_JPEG_BASE64 =
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAgACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAX6FAAAAAAf/2Q=='

/** What {@link setPicture} needs. */
export interface SetPictureOptions {
  /** Authgear's public origin for the app. */
  authgearOrigin: string
  appId: string
  keyId: string
  /** The Admin API private key, PKCS#8 PEM text. */
  privateKeyPem: string
  /** The user's UUID or node id. */
  userId: string
  /** A JPEG/PNG/WebP file to upload; a small generated JPEG when absent. */
  imagePath?: string
  /** Progress lines go here. @default no output */
  log?: (line: string) => void
}

/** Starts the proxy on a random local port, sets the user's picture through it, and stops the proxy. */
export async function setPicture(options: SetPictureOptions): Promise<UpdateUserPictureResult> {
  const log = options.log ?? (() => undefined)
  const proxy = createAdminApiProxy({
    authgearOrigin: options.authgearOrigin,
    appId: options.appId,
    keyId: options.keyId,
    privateKey: options.privateKeyPem,
    // A script run by an operator: there is no dashboard session to check.
    authorize: () => true,
    basePath: '/avatar',
  })
  const server = createServer(toNodeHandler(proxy))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address() as AddressInfo
    const client = createAdminApiClient({ endpoint: `http://127.0.0.1:${port}/avatar` })
    const bytes = options.imagePath ? await readFile(options.imagePath) : Buffer.from(GENERATED_JPEG_BASE64, 'base64')
    return await updateUserPicture(client, {
      userId: options.userId,
      image: new Blob([new Uint8Array(bytes)]),
      onStage: (stage, attempt) => log(`${stage}${attempt > 1 ? ` (try ${attempt})` : ''}`),
    })
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`Missing ${name}`)
  return value
}

/** Reads flags and environment, sets the picture, prints the result. */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<UpdateUserPictureResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      origin: { type: 'string' },
      'app-id': { type: 'string' },
      'key-id': { type: 'string' },
      'key-file': { type: 'string' },
      user: { type: 'string' },
      image: { type: 'string' },
    },
  })
  const keyFile = required('--key-file or AUTHGEAR_KEY_FILE', values['key-file'] ?? env.AUTHGEAR_KEY_FILE)
  const result = await setPicture({
    authgearOrigin: required('--origin or AUTHGEAR_ORIGIN', values.origin ?? env.AUTHGEAR_ORIGIN),
    appId: required('--app-id or AUTHGEAR_APP_ID', values['app-id'] ?? env.AUTHGEAR_APP_ID),
    keyId: required('--key-id or AUTHGEAR_KEY_ID', values['key-id'] ?? env.AUTHGEAR_KEY_ID),
    privateKeyPem: await readFile(keyFile, 'utf8'),
    userId: required('--user or AUTHGEAR_USER_ID', values.user ?? env.AUTHGEAR_USER_ID),
    imagePath: values.image ?? env.AVATAR_IMAGE,
    log: (line) => console.error(line),
  })
  console.log(JSON.stringify({ picture: result.picture, storedAs: result.storedAs }, null, 2))
  return result
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
    process.exitCode = 1
  })
}
