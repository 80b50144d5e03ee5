// Size budgets per entry, compressed as size-limit measures (brotli). An entry's cost is its file plus every
// shared chunk it imports (transitively); dependencies and peers are not ours.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

function withChunks(entry) {
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(normalize(join(dirname(file), specifier)))
    }
  }
  visit(entry)
  return [...seen]
}

export default [
  { name: 'authgear-avatar-editor (components, hooks, i18n)', path: withChunks('dist/index.js'), limit: '54 kB' },
  { name: 'authgear-avatar-editor/core', path: withChunks('dist/core.js'), limit: '10 kB' },
  { name: 'authgear-avatar-editor/image (with its inline worker)', path: withChunks('dist/image.js'), limit: '20 kB' },
  { name: 'authgear-avatar-editor/proxy', path: withChunks('dist/proxy.js'), limit: '8 kB' },
  { name: 'authgear-avatar-editor/styles.css', path: ['dist/styles.css'], limit: '4 kB' },
]
