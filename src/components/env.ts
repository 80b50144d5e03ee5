// Declared here rather than through @types/node: bundlers inline this one
// expression, and the published declarations must not need Node's types.
declare const process: { env: { NODE_ENV?: string } }

/**
 * Whether development-only warnings should run. Bundlers replace
 * `process.env.NODE_ENV`; where nothing does and `process` does not exist, the
 * reference throws and we stay quiet.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}
