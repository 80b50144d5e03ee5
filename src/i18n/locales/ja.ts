import type { AvatarEditorMessages } from '../types.js'

/** Japanese. */
export const ja: AvatarEditorMessages = {
  editorLabel: 'プロフィール写真',
  dropZoneInstructions: ({ types, maxSize }) =>
    `ここに写真をドラッグするか、貼り付けるか、ファイルを選択してください。${types}、${maxSize}まで。`,
  dropZoneActive: 'ドロップしてこの写真を使用',
  chooseFile: '写真を選択',
  chooseAnotherFile: '別の写真を選択',
  cropperLabel: '切り抜き範囲',
  cropperInstructions: '矢印キーで写真を移動、プラスとマイナスで拡大・縮小、R で回転します。',
  zoomLabel: '拡大・縮小',
  zoomValue: ({ percent }) => percent,
  zoomIn: '拡大',
  zoomOut: '縮小',
  rotateClockwise: '右に回転',
  rotateCounterclockwise: '左に回転',
  straightenLabel: '傾き補正',
  straightenValue: ({ degrees }) => degrees,
  reset: 'リセット',
  previewAlt: '切り抜いた写真のプレビュー',
  save: '写真を保存',
  stateChecking: '写真を確認しています…',
  stateReady: '写真を切り抜けます。',
  stateEncoding: '写真を準備しています…',
  stateUploading: ({ percent }) => (percent ? `アップロードしています… ${percent}` : 'アップロードしています…'),
  stateSaving: '保存しています…',
  stateSaved: '写真を保存しました。',
  announceZoom: ({ percent }) => `倍率 ${percent}`,
  announceRotation: ({ degrees }) => `回転 ${degrees}`,
  errors: {
    empty: 'このファイルは空です。別の写真を選択してください。',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `この ${detectedType} ファイルは写真として使用できません。${types} のファイルを選択してください。`
        : `このファイルは写真として使用できません。${types} のファイルを選択してください。`,
    'heic-unsupported': ({ types }) =>
      `HEIC 形式（iPhone の写真形式）はここでは開けません。先に ${types} 形式で書き出してください。`,
    'svg-not-allowed': ({ types }) => `SVG 画像はプロフィール写真に使用できません。${types} のファイルを選択してください。`,
    'file-too-large': ({ size, maxSize }) =>
      `このファイルは ${size} で、上限の ${maxSize} を超えています。もっと小さい写真を選択してください。`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `この写真は ${width} × ${height} ピクセル（${megapixels} メガピクセル）で、上限の ${maxMegapixels} メガピクセルを超えています。`,
    'too-small': ({ width, height, minSide }) =>
      `この写真は ${width} × ${height} ピクセルです。${minSide} × ${minSide} ピクセル以上の写真が必要です。`,
    corrupt: 'この写真は破損しているため読み込めません。別の写真を選択してください。',
    'cannot-fit': ({ maxSize }) => `切り抜いた写真を ${maxSize} 以下にできませんでした。別の写真をお試しください。`,
    'decode-failed': 'このブラウザーではこの写真を開けません。JPEG または PNG で保存し直してからお試しください。',
    aborted: 'キャンセルしました。',
  },
  errorGeneric: '問題が発生しました。もう一度お試しください。',
}
