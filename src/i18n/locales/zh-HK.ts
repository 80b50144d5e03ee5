import type { AvatarEditorMessages } from '../types.js'

/** Traditional Chinese as written in Hong Kong (also used for zh-TW, zh-MO and zh-Hant). */
export const zhHK: AvatarEditorMessages = {
  editorLabel: '個人相片',
  dropZoneInstructions: ({ types, maxSize }) => `將相片拖放到這裏、貼上，或選擇檔案。支援 ${types}，最大 ${maxSize}。`,
  dropZoneActive: '放開以使用這張相片',
  chooseFile: '選擇相片',
  chooseAnotherFile: '選擇另一張相片',
  cropperLabel: '裁剪範圍',
  cropperInstructions: '使用方向鍵移動相片，加號和減號鍵縮放，R 鍵旋轉。',
  zoomLabel: '縮放',
  zoomValue: ({ percent }) => percent,
  zoomIn: '放大',
  zoomOut: '縮小',
  rotateClockwise: '順時針旋轉',
  rotateCounterclockwise: '逆時針旋轉',
  straightenLabel: '拉直',
  straightenValue: ({ degrees }) => degrees,
  reset: '重設',
  previewAlt: '裁剪後相片的預覽',
  save: '儲存相片',
  stateChecking: '正在檢查相片…',
  stateReady: '相片已準備好，可以裁剪。',
  stateEncoding: '正在處理相片…',
  stateUploading: ({ percent }) => (percent ? `正在上載… ${percent}` : '正在上載…'),
  stateSaving: '正在儲存…',
  stateSaved: '相片已儲存。',
  announceZoom: ({ percent }) => `縮放 ${percent}`,
  announceRotation: ({ degrees }) => `旋轉 ${degrees}`,
  errors: {
    empty: '這個檔案是空的，請選擇另一張相片。',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `這是 ${detectedType} 檔案，不是可用的相片。請選擇 ${types} 檔案。`
        : `這個檔案不是可用的相片。請選擇 ${types} 檔案。`,
    'heic-unsupported': ({ types }) => `這裏無法開啟 HEIC 相片（iPhone 格式）。請先將相片匯出為 ${types}。`,
    'svg-not-allowed': ({ types }) => `SVG 圖像不能用作個人相片。請選擇 ${types} 檔案。`,
    'file-too-large': ({ size, maxSize }) => `這個檔案有 ${size}，超過 ${maxSize} 的上限。請選擇較小的相片。`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `這張相片有 ${width} × ${height} 像素（${megapixels} 百萬像素），超過 ${maxMegapixels} 百萬像素的上限。`,
    'too-small': ({ width, height, minSide }) =>
      `這張相片只有 ${width} × ${height} 像素，最少需要 ${minSide} × ${minSide} 像素。`,
    corrupt: '這張相片已損壞，無法讀取。請選擇另一張相片。',
    'cannot-fit': ({ maxSize }) => `裁剪後的相片無法縮減至 ${maxSize} 以下。請試用另一張相片。`,
    'decode-failed': '這個瀏覽器無法開啟這張相片。請先將它儲存為 JPEG 或 PNG。',
    aborted: '已取消。',
  },
  errorGeneric: '發生錯誤，請再試一次。',
}
