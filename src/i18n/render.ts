import type { Message } from './types.js'

/** Turns a {@link Message} into its text for the given (already formatted) variables. */
export function renderMessage<Vars extends object>(message: Message<Vars>, vars: Vars): string
export function renderMessage(message: Message): string
export function renderMessage(message: Message<object>, vars: object = {}): string {
  return typeof message === 'function' ? message(vars) : message
}
