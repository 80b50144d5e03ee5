import { layOverrides, resolveAvatarEditorLocale, type AvatarEditorLocale } from './getMessages.js'
import type { Message } from './types.js'

/** The codes of `AdminApiError` (see `authgear-avatar-editor/core`) that get their own sentence. */
export type UserPictureErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'network'
  | 'user-not-found'
  | 'user-anonymized'
  | 'validation-failed'
  | 'asset-too-large'
  | 'conflict'

/** The words of `<UserPictureEditor>` beyond the editor's own. */
export interface UserPictureEditorMessages {
  currentPicture: Message<{ name: string }>
  noPicture: string
  /** Where the current picture will be, while the user is read. */
  loading: string
  /** The user has a picture but it did not load (Authgear answers 502 for a stored non-image). */
  pictureUnavailable: string
  cancelUpload: string
  tryAgain: string
  removePicture: string
  removeQuestion: Message<{ name: string }>
  confirmRemove: string
  keepPicture: string
  removing: string
  removed: string
  /** Reading the user failed for a reason without its own sentence. */
  loadFailed: string
  errors: Record<UserPictureErrorCode, string>
  /** Any other failure; the details go to the developer console, not the admin. */
  errorGeneric: string
}

/** Overrides of some {@link UserPictureEditorMessages}. */
export type UserPictureEditorMessageOverrides = Partial<Omit<UserPictureEditorMessages, 'errors'>> & {
  errors?: Partial<UserPictureEditorMessages['errors']>
}

const en: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `Current photo of ${name}` : 'Current photo'),
  noPicture: 'No photo yet',
  loading: 'Loading photo…',
  pictureUnavailable: 'The current photo could not be loaded.',
  cancelUpload: 'Cancel upload',
  tryAgain: 'Try again',
  removePicture: 'Remove photo',
  removeQuestion: ({ name }) => (name ? `Remove the photo of ${name}?` : 'Remove this photo?'),
  confirmRemove: 'Remove',
  keepPicture: 'Keep it',
  removing: 'Removing photo…',
  removed: 'Photo removed.',
  loadFailed: 'The user could not be loaded. Try again.',
  errors: {
    unauthorized: 'Your session has expired. Sign in again, then try again.',
    forbidden: 'The server refused the Admin API key. Ask whoever runs this dashboard to check its Authgear settings.',
    network: 'The server could not be reached. Check the connection and try again.',
    'user-not-found': 'This user no longer exists.',
    'user-anonymized': 'This user has been anonymized; the profile cannot be changed.',
    'validation-failed': 'Authgear did not accept this photo for the profile.',
    'asset-too-large': 'The photo is larger than Authgear accepts (10 MB).',
    conflict: 'This user was changed elsewhere at the same moment. Try again.',
  },
  errorGeneric: 'The photo could not be saved. Try again.',
}

const zhHK: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `${name} 目前的相片` : '目前的相片'),
  noPicture: '尚未有相片',
  loading: '正在載入相片…',
  pictureUnavailable: '未能載入目前的相片。',
  cancelUpload: '取消上載',
  tryAgain: '再試一次',
  removePicture: '移除相片',
  removeQuestion: ({ name }) => (name ? `要移除 ${name} 的相片嗎？` : '要移除這張相片嗎？'),
  confirmRemove: '移除',
  keepPicture: '保留',
  removing: '正在移除相片…',
  removed: '已移除相片。',
  loadFailed: '未能載入此用戶。請再試一次。',
  errors: {
    unauthorized: '你的登入已過期。請重新登入，然後再試一次。',
    forbidden: '伺服器拒絕了 Admin API 金鑰。請聯絡此管理介面的負責人檢查 Authgear 設定。',
    network: '無法連接伺服器。請檢查網絡連線後再試一次。',
    'user-not-found': '此用戶已不存在。',
    'user-anonymized': '此用戶已被匿名化，無法更改個人資料。',
    'validation-failed': 'Authgear 不接受以這張相片作為個人資料相片。',
    'asset-too-large': '相片大於 Authgear 接受的上限（10 MB）。',
    conflict: '此用戶剛在別處被更改。請再試一次。',
  },
  errorGeneric: '未能儲存相片。請再試一次。',
}

const ja: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `${name} さんの現在の写真` : '現在の写真'),
  noPicture: '写真はまだありません',
  loading: '写真を読み込んでいます…',
  pictureUnavailable: '現在の写真を読み込めませんでした。',
  cancelUpload: 'アップロードをキャンセル',
  tryAgain: 'もう一度試す',
  removePicture: '写真を削除',
  removeQuestion: ({ name }) => (name ? `${name} さんの写真を削除しますか？` : 'この写真を削除しますか？'),
  confirmRemove: '削除',
  keepPicture: '残す',
  removing: '写真を削除しています…',
  removed: '写真を削除しました。',
  loadFailed: 'ユーザーを読み込めませんでした。もう一度お試しください。',
  errors: {
    unauthorized: 'セッションの有効期限が切れました。もう一度サインインしてから、やり直してください。',
    forbidden: 'サーバーが Admin API キーを拒否しました。このダッシュボードの管理者に Authgear の設定を確認してもらってください。',
    network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    'user-not-found': 'このユーザーは存在しません。',
    'user-anonymized': 'このユーザーは匿名化されているため、プロフィールを変更できません。',
    'validation-failed': 'Authgear はこの写真をプロフィールに使用できませんでした。',
    'asset-too-large': '写真が Authgear の上限（10 MB）を超えています。',
    conflict: 'このユーザーは同時に別の場所で変更されました。もう一度お試しください。',
  },
  errorGeneric: '写真を保存できませんでした。もう一度お試しください。',
}

const es: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `Foto actual de ${name}` : 'Foto actual'),
  noPicture: 'Todavía no hay foto',
  loading: 'Cargando la foto…',
  pictureUnavailable: 'No se pudo cargar la foto actual.',
  cancelUpload: 'Cancelar la subida',
  tryAgain: 'Reintentar',
  removePicture: 'Quitar la foto',
  removeQuestion: ({ name }) => (name ? `¿Quitar la foto de ${name}?` : '¿Quitar esta foto?'),
  confirmRemove: 'Quitar',
  keepPicture: 'Conservarla',
  removing: 'Quitando la foto…',
  removed: 'Foto quitada.',
  loadFailed: 'No se pudo cargar el usuario. Inténtalo de nuevo.',
  errors: {
    unauthorized: 'Tu sesión ha caducado. Vuelve a iniciar sesión e inténtalo de nuevo.',
    forbidden: 'El servidor rechazó la clave de la Admin API. Pide a quien administra este panel que revise la configuración de Authgear.',
    network: 'No se pudo conectar con el servidor. Comprueba la conexión e inténtalo de nuevo.',
    'user-not-found': 'Este usuario ya no existe.',
    'user-anonymized': 'Este usuario fue anonimizado; su perfil no se puede cambiar.',
    'validation-failed': 'Authgear no aceptó esta foto para el perfil.',
    'asset-too-large': 'La foto supera el máximo que acepta Authgear (10 MB).',
    conflict: 'Este usuario se modificó en otro lugar al mismo tiempo. Vuelve a intentarlo.',
  },
  errorGeneric: 'No se pudo guardar la foto. Inténtalo de nuevo.',
}

const fr: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `Photo actuelle de ${name}` : 'Photo actuelle'),
  noPicture: 'Pas encore de photo',
  loading: 'Chargement de la photo…',
  pictureUnavailable: 'La photo actuelle n’a pas pu être chargée.',
  cancelUpload: 'Annuler l’envoi',
  tryAgain: 'Réessayer',
  removePicture: 'Supprimer la photo',
  removeQuestion: ({ name }) => (name ? `Supprimer la photo de ${name} ?` : 'Supprimer cette photo ?'),
  confirmRemove: 'Supprimer',
  keepPicture: 'La garder',
  removing: 'Suppression de la photo…',
  removed: 'Photo supprimée.',
  loadFailed: 'L’utilisateur n’a pas pu être chargé. Réessayez.',
  errors: {
    unauthorized: 'Votre session a expiré. Reconnectez-vous, puis réessayez.',
    forbidden: 'Le serveur a refusé la clé de l’Admin API. Demandez à la personne qui gère ce tableau de bord de vérifier la configuration d’Authgear.',
    network: 'Impossible de joindre le serveur. Vérifiez la connexion et réessayez.',
    'user-not-found': 'Cet utilisateur n’existe plus.',
    'user-anonymized': 'Cet utilisateur a été anonymisé ; son profil ne peut pas être modifié.',
    'validation-failed': 'Authgear n’a pas accepté cette photo pour le profil.',
    'asset-too-large': 'La photo dépasse la taille acceptée par Authgear (10 Mo).',
    conflict: 'Cet utilisateur a été modifié ailleurs au même moment. Réessayez.',
  },
  errorGeneric: 'La photo n’a pas pu être enregistrée. Réessayez.',
}

const ar: UserPictureEditorMessages = {
  currentPicture: ({ name }) => (name ? `الصورة الحالية لـ ${name}` : 'الصورة الحالية'),
  noPicture: 'لا توجد صورة بعد',
  loading: 'جارٍ تحميل الصورة…',
  pictureUnavailable: 'تعذّر تحميل الصورة الحالية.',
  cancelUpload: 'إلغاء الرفع',
  tryAgain: 'إعادة المحاولة',
  removePicture: 'إزالة الصورة',
  removeQuestion: ({ name }) => (name ? `هل تريد إزالة صورة ${name}؟` : 'هل تريد إزالة هذه الصورة؟'),
  confirmRemove: 'إزالة',
  keepPicture: 'الإبقاء عليها',
  removing: 'جارٍ إزالة الصورة…',
  removed: 'تمت إزالة الصورة.',
  loadFailed: 'تعذّر تحميل المستخدم. أعد المحاولة.',
  errors: {
    unauthorized: 'انتهت صلاحية جلستك. سجّل الدخول مرة أخرى ثم أعد المحاولة.',
    forbidden: 'رفض الخادم مفتاح Admin API. اطلب من المسؤول عن لوحة التحكم هذه مراجعة إعدادات Authgear.',
    network: 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال وأعد المحاولة.',
    'user-not-found': 'هذا المستخدم لم يعد موجودًا.',
    'user-anonymized': 'تمت إخفاء هوية هذا المستخدم؛ لا يمكن تغيير ملفه الشخصي.',
    'validation-failed': 'لم يقبل Authgear هذه الصورة للملف الشخصي.',
    'asset-too-large': 'الصورة أكبر من الحد الذي يقبله Authgear ‏(10 ميغابايت).',
    conflict: 'تم تغيير هذا المستخدم في مكان آخر في اللحظة نفسها. حاول مرة أخرى.',
  },
  errorGeneric: 'تعذّر حفظ الصورة. أعد المحاولة.',
}

/** The shipped `<UserPictureEditor>` messages of each locale. */
export const userPictureEditorMessages: Readonly<Record<AvatarEditorLocale, UserPictureEditorMessages>> = Object.freeze({
  en,
  'zh-HK': zhHK,
  ja,
  es,
  fr,
  ar,
})

/** The `<UserPictureEditor>` messages for `locale` (resolved as the editor resolves it), with `overrides` applied. */
export function getUserPictureEditorMessages(locale?: string, overrides?: UserPictureEditorMessageOverrides): UserPictureEditorMessages {
  return layOverrides(userPictureEditorMessages[resolveAvatarEditorLocale(locale)], overrides)
}
