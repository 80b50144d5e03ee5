import {
  forwardRef,
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
} from 'react'
import { getTextDirection, renderMessage } from '../i18n/index.js'
import { composeEventHandlers } from './compose.js'
import { AvatarEditorContext } from './context.js'
import { firstFile, isEditableTarget } from './dom.js'
import { useAvatarEditorState, type AvatarEditorOptions } from './useAvatarEditorState.js'
import { visuallyHidden } from './visuallyHidden.js'

/* -------------------------------------------------------------------------------------------------
 * AvatarEditorRoot
 * -----------------------------------------------------------------------------------------------*/

// Every behaviour prop, so the rest can go to the <div> untouched.
const OPTION_KEYS = [
  'crop',
  'defaultCrop',
  'onCropChange',
  'onCropComplete',
  'zoom',
  'defaultZoom',
  'onZoomChange',
  'rotation',
  'defaultRotation',
  'onRotationChange',
  'onChange',
  'onSave',
  'onFileAccept',
  'onFileReject',
  'outputSize',
  'outputType',
  'outputQuality',
  'maxOutputBytes',
  'rules',
  'messages',
  'locale',
  'disabled',
  'round',
  'capture',
  'status',
  'progress',
  'error',
  'injectCropperStyles',
  'nonce',
] as const satisfies ReadonlyArray<keyof AvatarEditorOptions>

// Fails to compile when an option is added to AvatarEditorOptions but not to OPTION_KEYS.
type MissingOptionKeys = Exclude<keyof AvatarEditorOptions, (typeof OPTION_KEYS)[number]>
const _allOptionKeysListed: MissingOptionKeys extends never ? true : MissingOptionKeys = true

/** Props of {@link AvatarEditorRoot}: the editor's behaviour plus any `<div>` attribute. */
export interface AvatarEditorRootProps
  extends AvatarEditorOptions,
    Omit<ComponentPropsWithoutRef<'div'>, keyof AvatarEditorOptions> {}

function splitProps(props: AvatarEditorRootProps): [AvatarEditorOptions, ComponentPropsWithoutRef<'div'>] {
  const options: Record<string, unknown> = {}
  const rest: Record<string, unknown> = { ...props }
  for (const key of OPTION_KEYS) {
    if (key in rest) {
      options[key] = rest[key]
      delete rest[key]
    }
  }
  return [options as AvatarEditorOptions, rest as ComponentPropsWithoutRef<'div'>]
}

/**
 * Holds the editor's state and gives it to the parts inside. Renders a
 * `<div role="group">` with `data-state`, the hidden file input, the paste and
 * shortcut handling (`+`/`-` zoom, `r`/`R` rotate) and the live regions that
 * announce what happens.
 */
export const AvatarEditorRoot = forwardRef<HTMLDivElement, AvatarEditorRootProps>(function AvatarEditorRoot(props, ref) {
  const [options, { children, onPaste, onKeyDown, ...divProps }] = splitProps(props)
  const { context, inputRef, stateAnnouncement, valueAnnouncement, interactive } = useAvatarEditorState(options)
  const { messages, image, rules, state, disabled, busy } = context

  const handlePaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (isEditableTarget(event.target)) return
    const file = firstFile(event.clipboardData)
    if (!file || !interactive) return
    event.preventDefault()
    context.acceptFile(file)
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!image || event.ctrlKey || event.metaKey || event.altKey || isEditableTarget(event.target)) return
    switch (event.key) {
      case '+':
      case '=':
        context.zoomBy(1, 'keyboard')
        break
      case '-':
      case '_':
        context.zoomBy(-1, 'keyboard')
        break
      case 'r':
      case 'R':
        context.rotateBy(event.key === 'R' ? -1 : 1, 'keyboard')
        break
      default:
        return
    }
    event.preventDefault()
    context.interactionEnded()
  }

  const handleInputChange = (event: ChangeEvent<HTMLInputElement>) => {
    context.acceptFile(event.currentTarget.files?.[0])
  }

  return (
    <AvatarEditorContext.Provider value={context}>
      <div
        role="group"
        aria-label={renderMessage(messages.editorLabel)}
        aria-busy={busy || undefined}
        data-avatar-editor="root"
        data-state={state}
        data-disabled={disabled ? '' : undefined}
        data-round={context.round ? '' : undefined}
        dir={options.locale ? getTextDirection(options.locale) : undefined}
        lang={options.locale}
        {...divProps}
        ref={ref}
        onPaste={composeEventHandlers(onPaste, handlePaste)}
        onKeyDown={composeEventHandlers(onKeyDown, handleKeyDown)}
      >
        <input
          ref={inputRef}
          type="file"
          hidden
          tabIndex={-1}
          data-avatar-editor="input"
          accept={rules.acceptedTypes.join(',')}
          capture={options.capture}
          disabled={disabled}
          onChange={handleInputChange}
        />
        {children}
        <div data-avatar-editor="announcer" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
          {stateAnnouncement}
        </div>
        <div data-avatar-editor="announcer" aria-live="polite" aria-atomic="true" style={visuallyHidden}>
          {valueAnnouncement}
        </div>
      </div>
    </AvatarEditorContext.Provider>
  )
})
