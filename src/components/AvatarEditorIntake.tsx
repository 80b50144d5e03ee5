import {
  forwardRef,
  useState,
  type ComponentPropsWithoutRef,
  type DragEvent,
  type FocusEvent,
  type MouseEvent,
} from 'react'
import { renderMessage } from '../i18n/index.js'
import { composeEventHandlers } from './compose.js'
import { useAvatarEditor } from './context.js'
import { dragHasFiles, firstFile } from './dom.js'
import { Slot } from './Slot.js'
import { visuallyHidden } from './visuallyHidden.js'

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorDropZone
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorDropZone}. */
export type AvatarEditorDropZoneProps = ComponentPropsWithoutRef<'div'>

/**
 * Takes a photo by drag and drop, and by click while empty. While empty it
 * shows the instructions and holds a visually hidden button so keyboard and
 * screen-reader users reach the file chooser; the button shows itself while it
 * has keyboard focus, so focus is never invisible, with or without styles.
 * Has `data-drop-target=""` while a file is dragged over it. Put the
 * `Cropper` inside so a drop on the photo replaces it.
 */
export const AvatarEditorDropZone = forwardRef<HTMLDivElement, AvatarEditorDropZoneProps>(function AvatarEditorDropZone(
  { children, onClick, onDragEnter, onDragOver, onDragLeave, onDrop, ...props },
  ref,
) {
  const editor = useAvatarEditor()
  const { messages, formatters, rules, image, dragging, ids } = editor
  const [buttonFocusVisible, setButtonFocusVisible] = useState(false)
  const canTake = !editor.disabled && !editor.busy
  const empty = image === null

  const handleDragEnter = (event: DragEvent<HTMLDivElement>) => {
    if (!canTake || !dragHasFiles(event.dataTransfer)) return
    event.preventDefault()
    editor.setDragging(true)
  }
  const handleDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!canTake || !dragHasFiles(event.dataTransfer)) return
    // Without preventDefault on dragover the browser refuses the drop.
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    if (!dragging) editor.setDragging(true)
  }
  const handleDragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return
    editor.setDragging(false)
  }
  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    editor.setDragging(false)
    const file = firstFile(event.dataTransfer)
    if (!file || !canTake) return
    event.preventDefault()
    editor.acceptFile(file)
  }
  const handleClick = (_event: MouseEvent<HTMLDivElement>) => {
    if (empty) editor.openFilePicker()
  }
  const handleButtonFocus = (event: FocusEvent<HTMLButtonElement>) => {
    setButtonFocusVisible(event.currentTarget.matches(':focus-visible'))
  }

  const instructions = renderMessage(messages.dropZoneInstructions, {
    types: formatters.orList([...new Set(rules.acceptedTypes.map(typeLabel))]),
    maxSize: formatters.bytes(rules.maxBytes),
  })

  return (
    <div
      data-avatar-editor="drop-zone"
      data-drop-target={dragging ? '' : undefined}
      data-empty={empty ? '' : undefined}
      data-disabled={editor.disabled ? '' : undefined}
      data-focus-visible={buttonFocusVisible ? '' : undefined}
      {...props}
      ref={ref}
      onClick={composeEventHandlers(onClick, handleClick)}
      onDragEnter={composeEventHandlers(onDragEnter, handleDragEnter)}
      onDragOver={composeEventHandlers(onDragOver, handleDragOver)}
      onDragLeave={composeEventHandlers(onDragLeave, handleDragLeave)}
      onDrop={composeEventHandlers(onDrop, handleDrop)}
    >
      {empty && (
        <>
          {/* Activating it clicks the zone, whose click handler opens the chooser. */}
          <button
            type="button"
            data-avatar-editor="drop-button"
            style={buttonFocusVisible ? undefined : visuallyHidden}
            disabled={editor.disabled}
            aria-disabled={editor.busy || undefined}
            aria-describedby={[ids.dropZoneInstructions, editor.errorMessageId].filter(Boolean).join(' ')}
            onFocus={handleButtonFocus}
            onBlur={() => setButtonFocusVisible(false)}
          >
            {renderMessage(messages.chooseFile)}
          </button>
          <p id={ids.dropZoneInstructions} data-avatar-editor="drop-instructions">
            {dragging ? renderMessage(messages.dropZoneActive) : instructions}
          </p>
        </>
      )}
      {!empty && dragging && (
        <div data-avatar-editor="drop-overlay" aria-hidden="true">
          {renderMessage(messages.dropZoneActive)}
        </div>
      )}
      {children}
    </div>
  )
})

const TYPE_LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
  'image/bmp': 'BMP',
}
const typeLabel = (type: string) => TYPE_LABELS[type] ?? type

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorFileTrigger
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditorFileTrigger}. */
export interface AvatarEditorFileTriggerProps extends ComponentPropsWithoutRef<'button'> {
  /**
   * Render the only child (e.g. your design system's button) instead of a `<button>`.
   * @default false
   */
  asChild?: boolean
}

/**
 * A button that opens the file chooser (clearing it first, so the same file
 * can be chosen twice). Named "Choose a photo", or "Choose another photo" once
 * one is loaded, unless given children.
 */
export const AvatarEditorFileTrigger = forwardRef<HTMLButtonElement, AvatarEditorFileTriggerProps>(
  function AvatarEditorFileTrigger({ asChild = false, children, onClick, ...props }, ref) {
    const editor = useAvatarEditor()
    const Component = asChild ? Slot : 'button'
    return (
      <Component
        type={asChild ? undefined : 'button'}
        data-avatar-editor="file-trigger"
        disabled={editor.disabled}
        aria-disabled={editor.busy || undefined}
        aria-describedby={editor.errorMessageId}
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => editor.openFilePicker())}
      >
        {children ?? renderMessage(editor.image ? editor.messages.chooseAnotherFile : editor.messages.chooseFile)}
      </Component>
    )
  },
)
