import { readFile } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import dts from 'vite-plugin-dts'

/** Ship the opt-in stylesheet as `dist/styles.css` without importing it from JS. */
function copyStylesheet(): Plugin {
  return {
    name: 'avatar-editor:copy-stylesheet',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: await readFile('src/styles.css', 'utf8') })
    },
  }
}

// The 'use client' directive of src/index.ts is kept by the bundler at the top of
// dist/index.js (scripts/check-package.mjs checks it).
// Every bare import (dependencies, peers, node: builtins, react/jsx-runtime) stays
// external: consumers dedupe them, and a second React or QueryClient context breaks hooks.
const isExternal = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0') && !id.startsWith('/')

export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: './tsconfig.build.json', entryRoot: 'src' }),
    copyStylesheet(),
  ],
  // Nothing but the library ships: no public/ assets are copied into dist.
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        image: 'src/image/index.ts',
        proxy: 'src/proxy/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: isExternal,
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
