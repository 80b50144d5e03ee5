/** Whether key presses on `target` are typing (so editor shortcuts must leave them alone). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['range', 'button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'color', 'image'].includes(target.type)
}

/** The first file in a drop or paste, if there is one. */
export function firstFile(data: DataTransfer | null): File | undefined {
  if (!data) return undefined
  const file = data.files[0]
  if (file) return file
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file') {
      const fromItem = item.getAsFile()
      if (fromItem) return fromItem
    }
  }
  return undefined
}

/** Whether a drag carries files (its content is only readable on drop). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types).includes('Files')
}
