'use client'

import { forwardRef, useEffect, useId, useRef, useState, type HTMLAttributes } from 'react'
import { toDisplayableImageUrl, type AdminApiError, type AdminUser, type RetryOptions, type UpdateUserPictureResult } from '../core/index.js'
import { useUpdateUserPicture } from '../hooks/useUpdateUserPicture.js'
import { useUser } from '../hooks/useUser.js'
import { getTextDirection } from '../i18n/getMessages.js'
import { renderMessage } from '../i18n/render.js'
import {
  getUserPictureEditorMessages,
  type UserPictureEditorMessageOverrides,
  type UserPictureEditorMessages,
  type UserPictureErrorCode,
} from '../i18n/user-picture.js'
import { AvatarEditor, type AvatarEditorProps } from './AvatarEditor.js'

/* -------------------------------------------------------------------------------------------------
 * UserPictureEditor
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link UserPictureEditor}. */
export interface UserPictureEditorProps
  extends Omit<AvatarEditorProps, 'status' | 'progress' | 'error' | 'onSave' | 'className' | 'style' | 'id'>,
    Pick<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'id'> {
  /** The user's UUID or node id. */
  userId: string
  /** Words of this component beyond the editor's own (`messages` is for the editor). */
  userPictureMessages?: UserPictureEditorMessageOverrides
  /**
   * How a failed step is retried within one save or removal before the admin
   * is asked; `false` turns it off.
   * @default { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 }
   */
  retry?: RetryOptions | false
  /** Called after a new picture was saved and the user's cached data refreshed. */
  onSaved?: (result: UpdateUserPictureResult) => void
  /** Called after the picture was removed, with the user as written. */
  onRemoved?: (user: AdminUser) => void
}

const OWN_SENTENCE: readonly UserPictureErrorCode[] = [
  'unauthorized',
  'forbidden',
  'network',
  'user-not-found',
  'user-anonymized',
  'validation-failed',
  'asset-too-large',
  'conflict',
]

function describeFailure(error: AdminApiError, messages: UserPictureEditorMessages, generic: string): string {
  const code = error.code as UserPictureErrorCode
  return OWN_SENTENCE.includes(code) ? messages.errors[code] : generic
}

/**
 * Whether the admin may try the same change again: after signing in again, a
 * network hiccup, or a server error (the client does not retry a 500 on its own).
 */
function canRetry(error: AdminApiError): boolean {
  return error.retryable || error.code === 'unauthorized' || error.code === 'network' || (error.status ?? 0) >= 500
}

function CurrentPicture({ user, loading, messages }: { user: AdminUser | undefined; loading: boolean; messages: UserPictureEditorMessages }) {
  const [failed, setFailed] = useState<string>()
  const picture = user?.standardAttributes.picture
  const src = toDisplayableImageUrl(picture)
  const name = String(user?.standardAttributes.name ?? '')
  if (!user) {
    return (
      <div data-avatar-editor="current-picture" data-empty="" aria-busy={loading || undefined}>
        {loading ? renderMessage(messages.loading) : null}
      </div>
    )
  }
  if (!src || failed === src) {
    // A picture that is set but unusable is said as such: it can still be replaced or removed.
    const unusable = picture !== undefined && picture !== null && picture !== ''
    return (
      <div data-avatar-editor="current-picture" data-empty="" data-broken={unusable ? '' : undefined}>
        {renderMessage(unusable ? messages.pictureUnavailable : messages.noPicture)}
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
 * changes it with the editor (upload progress bar and cancel, retry, localized
 * failures), and removes it after a confirmation. Needs an `AdminApiProvider`
 * above it; renders on the server without touching `window`.
 *
 * `className`, `style` and `id` go to the outer element; every other editor
 * prop (`locale`, `messages`, `round`, `outputSize`, `rules`...) to the editor.
 *
 * @example
 * <AdminApiProvider endpoint="/api/avatar">
 *   <UserPictureEditor userId={user.id} locale="ja" round />
 * </AdminApiProvider>
 */
export const UserPictureEditor = forwardRef<HTMLDivElement, UserPictureEditorProps>(function UserPictureEditor(props, ref) {
  const { userId, userPictureMessages, retry, onSaved, onRemoved, className, style, id, ...editorProps } = props
  const messages = getUserPictureEditorMessages(editorProps.locale, userPictureMessages)
  const { user, fetching, error: readError, refetch } = useUser(userId)
  const update = useUpdateUserPicture({ retry, onSaved, onRemoved })
  const [lastAction, setLastAction] = useState<'update' | 'remove'>('update')
  const [confirming, setConfirming] = useState(false)
  const ids = useId()
  const editorRoot = useRef<HTMLDivElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const statusLine = useRef<HTMLParagraphElement>(null)

  // Another user: nothing of the previous one's change or question stays.
  const [shownUserId, setShownUserId] = useState(userId)
  if (shownUserId !== userId) {
    setShownUserId(userId)
    setConfirming(false)
    setLastAction('update')
  }
  const resetUpdate = useRef(update.reset)
  useEffect(() => {
    resetUpdate.current = update.reset
  })
  useEffect(() => () => resetUpdate.current(), [userId])

  // The safe answer has focus when the question opens; Escape or "keep" return it to the Remove button.
  const returnFocus = useRef(false)
  useEffect(() => {
    if (confirming) keepButton.current?.focus()
  }, [confirming])
  const removeButtonRef = (node: HTMLButtonElement | null) => {
    if (node && returnFocus.current) {
      returnFocus.current = false
      node.focus()
    }
  }
  const closeConfirm = () => {
    returnFocus.current = true
    setConfirming(false)
  }

  // The button just pressed goes away: focus waits where the change is followed.
  const focusAfterAction = () => {
    if (lastAction === 'remove') statusLine.current?.focus()
    else editorRoot.current?.querySelector<HTMLElement>('[data-avatar-editor="save"]')?.focus()
  }

  const busy = update.stage === 'uploading' || update.stage === 'saving'
  // Authgear refuses any change to an anonymized user: say so before the admin picks a photo.
  const anonymized = user?.isAnonymized === true
  const hasPicture = Boolean(user?.standardAttributes.picture)
  const forEditor = lastAction === 'update'
  const saveErrorText = update.error ? describeFailure(update.error, messages, messages.errorGeneric) : undefined
  const cannotRead = readError !== undefined && user === undefined
  const removalText =
    lastAction !== 'remove' ? '' : update.stage === 'saving' ? messages.removing : update.stage === 'saved' ? messages.removed : ''

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
      <CurrentPicture key={userId} user={user} loading={fetching} messages={messages} />

      {cannotRead ? (
        <div data-avatar-editor="user-error">
          <p role="alert">{describeFailure(readError, messages, messages.loadFailed)}</p>
          {canRetry(readError) ? (
            <button type="button" onClick={refetch}>
              {renderMessage(messages.tryAgain)}
            </button>
          ) : null}
        </div>
      ) : null}

      {anonymized ? <p data-avatar-editor="user-anonymized">{messages.errors['user-anonymized']}</p> : null}

      <AvatarEditor
        {...editorProps}
        ref={editorRoot}
        // Nothing to edit for a user that cannot be read or changed, nor while the picture is being removed.
        disabled={editorProps.disabled || cannotRead || anonymized || (!forEditor && busy)}
        status={forEditor ? update.stage : 'idle'}
        progress={update.progress}
        error={forEditor ? saveErrorText : undefined}
        onSave={(result) => {
          setLastAction('update')
          setConfirming(false)
          void update.start({ userId, image: result.blob })
        }}
      />

      {forEditor && update.stage === 'uploading' ? (
        <button
          type="button"
          data-avatar-editor="cancel-upload"
          onClick={() => {
            update.cancel()
            focusAfterAction()
          }}
        >
          {renderMessage(messages.cancelUpload)}
        </button>
      ) : null}

      {update.stage === 'error' && update.error ? (
        <div data-avatar-editor="save-error">
          {/* The editor says why a save failed; a failed removal is said here. */}
          {forEditor ? null : <p role="alert">{saveErrorText}</p>}
          {canRetry(update.error) ? (
            <button
              type="button"
              data-avatar-editor="retry"
              onClick={() => {
                focusAfterAction()
                void update.retry()
              }}
            >
              {renderMessage(messages.tryAgain)}
            </button>
          ) : null}
        </div>
      ) : null}

      {hasPicture && !anonymized && !busy && !confirming ? (
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
            if (event.key !== 'Escape') return
            event.stopPropagation()
            closeConfirm()
          }}
        >
          <p id={`${ids}-remove-question`}>{renderMessage(messages.removeQuestion, { name: String(user?.standardAttributes.name ?? '') })}</p>
          <button
            type="button"
            data-avatar-editor="remove-confirm-button"
            onClick={() => {
              setConfirming(false)
              setLastAction('remove')
              // The buttons go away with the picture: focus waits on the line that says how it went.
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
        {removalText}
      </p>
    </div>
  )
})
