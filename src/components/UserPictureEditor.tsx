'use client'

import { forwardRef, useEffect, useId, useRef, useState, type HTMLAttributes } from 'react'
import type { AdminApiError, AdminUser, UpdateUserPictureResult } from '../core/index.js'
import { useUpdateUserPicture } from '../hooks/useUpdateUserPicture.js'
import { useUser } from '../hooks/useUser.js'
import { getTextDirection } from '../i18n/getMessages.js'
import { renderMessage } from '../i18n/render.js'
import { getUserPictureEditorMessages, type UserPictureEditorMessageOverrides, type UserPictureEditorMessages, type UserPictureErrorCode } from '../i18n/user-picture.js'
import { AvatarEditor, type AvatarEditorProps } from './AvatarEditor.js'

/* -------------------------------------------------------------------------------------------------
 * UserPictureEditor
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link UserPictureEditor}. */
export interface UserPictureEditorProps
  extends Omit<AvatarEditorProps, 'status' | 'progress' | 'error' | 'onSave'>,
    Pick<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'id'> {
  /** The user's UUID or node id. */
  userId: string
  /** Words of this component beyond the editor's own (`messages` is for the editor). */
  userPictureMessages?: UserPictureEditorMessageOverrides
  /** Called after a new picture was saved. */
  onSaved?: (result: UpdateUserPictureResult) => void
  /** Called after the picture was removed. */
  onRemoved?: (user: AdminUser) => void
}

const OWN_SENTENCE: readonly UserPictureErrorCode[] = ['unauthorized', 'forbidden', 'network', 'user-not-found', 'user-anonymized', 'validation-failed', 'asset-too-large']

function describeSaveError(error: AdminApiError, messages: UserPictureEditorMessages): string {
  const code = error.code as UserPictureErrorCode
  return OWN_SENTENCE.includes(code) ? messages.errors[code] : messages.errorGeneric
}

/**
 * Whether the admin may try the same change again: after signing in again, a
 * network hiccup, or a server error (the client does not retry a 500 on its own).
 */
function canRetry(error: AdminApiError): boolean {
  return error.retryable || error.code === 'unauthorized' || error.code === 'network' || (error.status ?? 0) >= 500
}

/** Only an http(s) URL ever reaches an `src`: nothing user-supplied becomes a script URL. */
function safeImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function CurrentPicture({ user, messages }: { user: AdminUser | undefined; messages: UserPictureEditorMessages }) {
  const [failed, setFailed] = useState<string>()
  const src = safeImageUrl(user?.standardAttributes.picture)
  const name = String(user?.standardAttributes.name ?? '')
  if (!src || failed === src) {
    return (
      <div data-avatar-editor="current-picture" data-empty="">
        {renderMessage(messages.noPicture)}
      </div>
    )
  }
  return (
    <img
      data-avatar-editor="current-picture"
      src={src}
      alt={renderMessage(messages.currentPicture, { name })}
      width={120}
      height={120}
      onError={() => setFailed(src)}
    />
  )
}

/**
 * One line for a dashboard's user page: shows the user's current picture and
 * changes it with the editor, an upload progress bar, cancel, retry, and
 * remove with confirmation. Needs an `AdminApiProvider` above it.
 *
 * @example
 * <UserPictureEditor userId={user.id} locale="ja" round />
 */
export const UserPictureEditor = forwardRef<HTMLDivElement, UserPictureEditorProps>(function UserPictureEditor(props, ref) {
  const { userId, userPictureMessages, onSaved, onRemoved, className, style, id, ...editorProps } = props
  const messages = getUserPictureEditorMessages(editorProps.locale, userPictureMessages)
  const { user } = useUser(userId)
  const [lastAction, setLastAction] = useState<'update' | 'remove'>('update')
  const [confirming, setConfirming] = useState(false)
  const update = useUpdateUserPicture({ onSaved, onRemoved })
  const ids = useId()
  const removeButton = useRef<HTMLButtonElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const statusLine = useRef<HTMLParagraphElement>(null)

  // The safe answer has focus when the question opens; Escape or "keep" return it to the Remove button.
  const returnFocus = useRef(false)
  useEffect(() => {
    if (confirming) keepButton.current?.focus()
  }, [confirming])
  const removeButtonRef = (node: HTMLButtonElement | null) => {
    removeButton.current = node
    if (node && returnFocus.current) {
      returnFocus.current = false
      node.focus()
    }
  }

  const busy = update.stage === 'uploading' || update.stage === 'saving'
  const hasPicture = Boolean(user?.standardAttributes.picture)
  const errorText = update.error ? describeSaveError(update.error, messages) : undefined
  const forEditor = lastAction === 'update'
  const closeConfirm = () => {
    returnFocus.current = true
    setConfirming(false)
  }

  return (
    <div
      ref={ref}
      id={id}
      className={className}
      style={style}
      data-avatar-editor="user-picture"
      data-stage={update.stage}
      dir={editorProps.locale ? getTextDirection(editorProps.locale) : undefined}
      lang={editorProps.locale}
    >
      <CurrentPicture user={user} messages={messages} />

      <AvatarEditor
        {...editorProps}
        status={forEditor ? update.stage : 'idle'}
        progress={update.progress}
        error={forEditor ? errorText : undefined}
        onSave={(result) => {
          setLastAction('update')
          setConfirming(false)
          void update.start({ userId, image: result.blob })
        }}
      />

      {update.stage === 'uploading' ? (
        <div data-avatar-editor="upload-progress">
          <progress id={`${ids}-progress`} max={1} value={update.progress} aria-label={renderMessage(messages.uploadProgress)} />
          <button type="button" onClick={update.cancel}>
            {renderMessage(messages.cancelUpload)}
          </button>
        </div>
      ) : null}

      {update.stage === 'error' && update.error ? (
        <div data-avatar-editor="save-error" role="alert">
          {/* The editor shows the sentence for a failed save; a failed removal is said here. */}
          {forEditor ? null : <p>{errorText}</p>}
          {canRetry(update.error) ? (
            <button type="button" onClick={() => void update.retry()}>
              {renderMessage(messages.tryAgain)}
            </button>
          ) : null}
        </div>
      ) : null}

      {hasPicture && !busy && !confirming ? (
        <button ref={removeButtonRef} type="button" data-avatar-editor="remove" onClick={() => setConfirming(true)}>
          {renderMessage(messages.removePicture)}
        </button>
      ) : null}

      {confirming ? (
        <div
          role="group"
          aria-labelledby={`${ids}-remove-question`}
          data-avatar-editor="remove-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeConfirm()
          }}
        >
          <p id={`${ids}-remove-question`}>{renderMessage(messages.removeQuestion, { name: String(user?.standardAttributes.name ?? '') })}</p>
          <button
            type="button"
            data-avatar-editor="remove-confirm-button"
            onClick={() => {
              setConfirming(false)
              setLastAction('remove')
              // The buttons go away with the picture: focus waits on the line that will say it is done.
              statusLine.current?.focus()
              void update.remove(userId)
            }}
          >
            {renderMessage(messages.confirmRemove)}
          </button>
          <button ref={keepButton} type="button" onClick={closeConfirm}>
            {renderMessage(messages.keepPicture)}
          </button>
        </div>
      ) : null}

      <p ref={statusLine} tabIndex={-1} data-avatar-editor="user-picture-status" aria-live="polite">
        {lastAction === 'remove' && update.stage === 'saved' ? renderMessage(messages.removed) : ''}
      </p>
    </div>
  )
})
