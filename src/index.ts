'use client'
/**
 * `authgear-avatar-editor`: the React components, hooks and provider.
 * The framework-free layers are their own entries: `/core`, `/image`, `/proxy`.
 * @packageDocumentation
 */
export * from './components/index.js'
export * from './i18n/index.js'
export * from './hooks/index.js'
