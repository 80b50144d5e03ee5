'use client'

import { forwardRef } from 'react'
import { useAvatarEditor } from './context.js'
import { AvatarEditorCropper } from './AvatarEditorCropper.js'
import { AvatarEditorDropZone, AvatarEditorFileTrigger } from './AvatarEditorIntake.js'
import { AvatarEditorResetButton, AvatarEditorRotateControls, AvatarEditorZoomSlider } from './AvatarEditorControls.js'
import { AvatarEditorErrorMessage, AvatarEditorPreview, AvatarEditorSaveButton, AvatarEditorStatus } from './AvatarEditorOutput.js'
import { AvatarEditorRoot, type AvatarEditorRootProps } from './AvatarEditorRoot.js'

/* -------------------------------------------------------------------------------------------------
 * AvatarEditor (default layout)
 * -----------------------------------------------------------------------------------------------*/

/** Props of {@link AvatarEditor}: those of the root, without children (the layout is fixed). */
export type AvatarEditorProps = Omit<AvatarEditorRootProps, 'children'>

function DefaultLayout() {
  const { image } = useAvatarEditor()
  return (
    <>
      <AvatarEditorDropZone>
        <AvatarEditorCropper />
      </AvatarEditorDropZone>
      {image && (
        <div data-avatar-editor="toolbar">
          <AvatarEditorZoomSlider />
          <AvatarEditorRotateControls />
          <AvatarEditorResetButton />
        </div>
      )}
      <AvatarEditorErrorMessage />
      <div data-avatar-editor="actions">
        <AvatarEditorPreview />
        {image && <AvatarEditorFileTrigger />}
        <AvatarEditorSaveButton />
      </div>
      <AvatarEditorStatus />
    </>
  )
}

const AvatarEditorDefault = forwardRef<HTMLDivElement, AvatarEditorProps>(function AvatarEditor(props, ref) {
  return (
    <AvatarEditorRoot {...props} ref={ref}>
      <DefaultLayout />
    </AvatarEditorRoot>
  )
})

/**
 * The complete editor: drop zone with the crop frame inside, zoom and
 * rotation controls, error, preview and save button, in that order. Use the
 * parts (`AvatarEditor.Root`, `AvatarEditor.Cropper`, ...) to lay it out
 * yourself; in React Server Components import the parts by their long names
 * (`AvatarEditorRoot`), since a server module cannot read properties of a client one.
 *
 * @example
 * <AvatarEditor locale="fr" round onSave={({ blob }) => upload(blob)} />
 */
export const AvatarEditor = Object.assign(AvatarEditorDefault, {
  Root: AvatarEditorRoot,
  DropZone: AvatarEditorDropZone,
  FileTrigger: AvatarEditorFileTrigger,
  Cropper: AvatarEditorCropper,
  ZoomSlider: AvatarEditorZoomSlider,
  RotateControls: AvatarEditorRotateControls,
  ResetButton: AvatarEditorResetButton,
  Preview: AvatarEditorPreview,
  ErrorMessage: AvatarEditorErrorMessage,
  Status: AvatarEditorStatus,
  SaveButton: AvatarEditorSaveButton,
})
