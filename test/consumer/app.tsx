// Compiled against the packed tarball: the React entry and the image entry as a consumer uses them.
import { AvatarEditor, getMessages, type AvatarEditorResult } from 'authgear-avatar-editor'
import { cropImage, inspectImage, type ImageInfo } from 'authgear-avatar-editor/image'

export function Editor({ onSave }: { onSave: (result: AvatarEditorResult) => void }) {
  return <AvatarEditor onSave={onSave} messages={getMessages('fr')} />
}

export async function crop(file: Blob): Promise<Blob> {
  const info: ImageInfo = await inspectImage(file)
  const side = Math.min(info.width, info.height)
  const result = await cropImage(file, { x: 0, y: 0, width: side, height: side }, { size: 512 })
  return result.blob
}
