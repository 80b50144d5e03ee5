import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8')
const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '')

/** Every selector list of the sheet, at-rule preludes left out. */
function selectors(source: string): string[] {
  const found: string[] = []
  const pattern = /([^{}]+)\{/g
  for (const match of source.matchAll(pattern)) {
    const prelude = match[1]!.trim()
    if (prelude.startsWith('@')) continue
    found.push(...prelude.split(/,(?![^(]*\))/).map((part) => part.trim()))
  }
  return found
}

describe('styles.css', () => {
  test('every selector is wrapped in :where(), so any consumer selector wins', () => {
    const list = selectors(withoutComments)
    expect(list.length).toBeGreaterThan(40)
    // Allowed after the :where() groups: only pseudo-elements, which :where() cannot hold.
    const offenders = list.filter((selector) => !/^(:where\([^)]*(\([^)]*\)[^)]*)*\)\s*)+(::?(before|after))?$/.test(selector))
    expect(offenders).toEqual([])
  })

  test('theming goes through --avatar-editor-* custom properties, with dark variants', () => {
    const variables = new Set(withoutComments.match(/--avatar-editor-[\w-]+/g))
    expect(variables.size).toBeGreaterThan(10)
    expect(withoutComments).toContain('@media (prefers-color-scheme: dark)')
    expect(withoutComments).toMatch(/\[data-theme='dark'\]/)
  })

  test("react-easy-crop's rules are all carried", () => {
    const theirs = readFileSync(new URL('../../node_modules/react-easy-crop/react-easy-crop.css', import.meta.url), 'utf8')
    for (const className of new Set(theirs.match(/\.reactEasyCrop_\w+/g))) expect(withoutComments).toContain(className)
  })
})
