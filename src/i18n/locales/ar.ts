import type { AvatarEditorMessages } from '../types.js'

/** Arabic (Modern Standard Arabic), written right to left. */
export const ar: AvatarEditorMessages = {
  editorLabel: 'صورة الملف الشخصي',
  dropZoneInstructions: ({ types, maxSize }) =>
    `اسحب صورة إلى هنا، أو الصقها، أو اختر ملفًا. ${types}، بحد أقصى ${maxSize}.`,
  dropZoneActive: 'أفلت الصورة لاستخدامها',
  chooseFile: 'اختر صورة',
  chooseAnotherFile: 'اختر صورة أخرى',
  cropperLabel: 'منطقة القص',
  cropperInstructions: 'استخدم مفاتيح الأسهم لتحريك الصورة، ومفتاحي الزائد والناقص للتكبير والتصغير، ومفتاح R للتدوير.',
  zoomLabel: 'التكبير',
  zoomValue: ({ percent }) => percent,
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  rotateClockwise: 'تدوير باتجاه عقارب الساعة',
  rotateCounterclockwise: 'تدوير عكس اتجاه عقارب الساعة',
  straightenLabel: 'تقويم الميل',
  straightenValue: ({ degrees }) => degrees,
  reset: 'إعادة الضبط',
  previewAlt: 'معاينة الصورة بعد القص',
  save: 'حفظ الصورة',
  stateChecking: 'جارٍ فحص الصورة…',
  stateReady: 'الصورة جاهزة للقص.',
  stateEncoding: 'جارٍ تجهيز الصورة…',
  stateUploading: ({ percent }) => (percent ? `جارٍ الرفع… ${percent}` : 'جارٍ الرفع…'),
  stateSaving: 'جارٍ الحفظ…',
  stateSaved: 'تم حفظ الصورة.',
  announceZoom: ({ percent }) => `التكبير ${percent}`,
  announceRotation: ({ degrees }) => `التدوير ${degrees}`,
  errors: {
    empty: 'هذا الملف فارغ. اختر صورة أخرى.',
    'unsupported-type': ({ types, detectedType }) =>
      detectedType
        ? `هذا الملف بصيغة ${detectedType} وليس صورة يمكن استخدامها. اختر ملفًا بصيغة ${types}.`
        : `هذا الملف ليس صورة يمكن استخدامها. اختر ملفًا بصيغة ${types}.`,
    'heic-unsupported': ({ types }) =>
      `لا يمكن فتح صور HEIC (صيغة iPhone) هنا. صدّر الصورة أولًا بصيغة ${types}.`,
    'svg-not-allowed': ({ types }) => `لا يمكن استخدام رسومات SVG صورةً للملف الشخصي. اختر ملفًا بصيغة ${types}.`,
    'file-too-large': ({ size, maxSize }) => `حجم هذا الملف ${size}، وهو أكبر من الحد الأقصى ${maxSize}. اختر صورة أصغر.`,
    'too-many-pixels': ({ width, height, megapixels, maxMegapixels }) =>
      `أبعاد هذه الصورة ${width} × ${height} بكسل (${megapixels} ميغابكسل)، وهي أكبر من الحد الأقصى ${maxMegapixels} ميغابكسل.`,
    'too-small': ({ width, height, minSide }) =>
      `أبعاد هذه الصورة ${width} × ${height} بكسل، ويجب ألا تقل عن ${minSide} × ${minSide} بكسل.`,
    corrupt: 'هذه الصورة تالفة ولا يمكن قراءتها. اختر صورة أخرى.',
    'cannot-fit': ({ maxSize }) => `تعذّر تصغير الصورة المقصوصة إلى أقل من ${maxSize}. جرّب صورة أخرى.`,
    'decode-failed': 'لا يستطيع هذا المتصفح فتح الصورة. احفظها أولًا بصيغة JPEG أو PNG ثم حاول مجددًا.',
    aborted: 'تم الإلغاء.',
  },
  errorGeneric: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
}
