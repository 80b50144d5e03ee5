// Queries the component tests share; they read the same attributes CSS does.
import { expect } from 'vitest'
import { userEvent } from 'vitest/browser'

export function editorRoot(container: HTMLElement): HTMLElement {
  const root = container.querySelector<HTMLElement>('[data-avatar-editor="root"]')
  if (!root) throw new Error('no editor root rendered')
  return root
}

export function part<E extends HTMLElement = HTMLElement>(container: HTMLElement, name: string): E | null {
  return container.querySelector<E>(`[data-avatar-editor="${name}"]`)
}

export function fileInput(container: HTMLElement): HTMLInputElement {
  return container.querySelector<HTMLInputElement>('input[type="file"]')!
}

export function stateOf(container: HTMLElement): string | undefined {
  return editorRoot(container).dataset.state
}

/** What the live regions currently say, joined. */
export function announced(container: HTMLElement): string {
  return Array.from(container.querySelectorAll('[data-avatar-editor="announcer"]'))
    .map((node) => node.textContent ?? '')
    .join(' | ')
}

/** Picks `file` through the file input, as the chooser would, and waits for the verdict. */
export async function pick(container: HTMLElement, file: File, expected: 'ready' | 'invalid' = 'ready'): Promise<void> {
  await userEvent.upload(fileInput(container), file)
  await expect.poll(() => stateOf(container)).toBe(expected)
}

/** Waits until the crop frame exists (the photo is loaded and measured). */
export async function cropAreaReady(container: HTMLElement): Promise<HTMLElement> {
  await expect.poll(() => part(container, 'crop-area')).not.toBeNull()
  return part(container, 'crop-area')!
}

/** Records every `data-state` the root goes through. */
export function recordStates(container: HTMLElement): { states: string[]; stop(): void } {
  const root = editorRoot(container)
  const states = [root.dataset.state ?? '']
  const observer = new MutationObserver(() => {
    const state = root.dataset.state ?? ''
    if (states.at(-1) !== state) states.push(state)
  })
  observer.observe(root, { attributes: true, attributeFilter: ['data-state'] })
  return { states, stop: () => observer.disconnect() }
}

/** The text of a part, or `null` when it is not rendered. */
export function textOf(container: HTMLElement, name: string): string | null {
  return part(container, name)?.textContent ?? null
}
