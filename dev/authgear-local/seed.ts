import { toUserNodeId } from './node-id.ts'
import type { SeedUser } from './types.ts'
import type { UserRecord } from './users-db.ts'

/**
 * The seeded users, with fixed uuids so tests and the demo can name them.
 * Pure data: the seed pictures' bytes are made by `seed-images.ts` (Node) and
 * stored as real uploaded objects under {@link SEED_OBJECT_IDS}.
 */

/** Object ids of the seeded pictures. */
export const SEED_OBJECT_IDS = {
  /** 640x480 JPEG. */
  landscapeJpeg: '5b0f6a3e-1c2d-4e8f-9a10-6f1e2d3c4b5a',
  /** 400x400 PNG with transparency. */
  transparentPng: '8c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e5f',
  /** 640x480 pixels stored with EXIF orientation 6 (shows upright as 480x640). */
  exifRotatedJpeg: '2e4a6c8e-0b1d-4f3a-8c5e-7a9b1c3d5e7f',
} as const

/** Fixed uuids of the seeded users, by label. */
export const SEED_USER_IDS = {
  'picture-jpeg': '7d3f9c2a-5b1e-4a8d-9c6f-2e4b8a1d3c5f',
  'picture-png': 'c1e5a9d3-7f2b-4e6a-8d1c-5b9f3a7e2d4c',
  'picture-exif-rotated': '97b1c929-842c-415c-a7df-6967efdda160',
  'picture-external': '4f8a2c6e-9d1b-4c3f-a5e7-8b2d6f0a4c9e',
  'no-picture': 'e2b6d0f4-3a8c-4d1e-9f5b-7c3a1e5d9b2f',
  disabled: '6a0c4e8b-2d5f-4a9c-b3e1-9d7f5b3a1c0e',
  anonymized: 'b9d3f7a1-6c0e-4b8d-a2f4-1e5c9a3d7b6f',
} as const

/** The label of a seeded user. */
export type SeedLabel = keyof typeof SEED_USER_IDS

/** A seed picture's object. */
export interface SeedObject {
  objectId: string
  bytes: Uint8Array
  contentType: string
}

const at = (iso: string): number => Date.parse(iso)

interface Person {
  label: SeedLabel
  given: string
  middle: string
  family: string
  nickname: string
  username: string
  email: string
  emailVerified: boolean
  phone: string
  phoneVerified: boolean
  gender: string
  birthdate: string
  zoneinfo: string
  locale: string
  website: string
  address: Record<string, string>
  custom: Record<string, unknown>
  picture?: (appId: string) => string
  createdAt: string
  updatedAt: string
  lastLoginAt: string | null
  disabled?: string
}

const stored = (objectId: string) => (appId: string) => `authgearimages:///${appId}/${objectId}`

const PEOPLE: Person[] = [
  {
    label: 'picture-jpeg',
    given: 'Alice', middle: 'Mei', family: 'Chen', nickname: 'Ali', username: 'alice.chen',
    email: 'alice.chen@example.com', emailVerified: true, phone: '+85291234567', phoneVerified: true,
    gender: 'female', birthdate: '1988-04-12', zoneinfo: 'Asia/Hong_Kong', locale: 'zh-Hant-HK',
    website: 'https://alice.example.com/', address: {
      formatted: '18 Harbour Road, Wan Chai, Hong Kong', street_address: '18 Harbour Road', locality: 'Wan Chai',
      region: 'Hong Kong Island', postal_code: '000000', country: 'HK',
    },
    custom: { department: 'Finance', employee_no: 'E-1042', vip: true },
    picture: stored(SEED_OBJECT_IDS.landscapeJpeg),
    createdAt: '2024-01-08T09:00:00Z', updatedAt: '2024-06-02T10:15:00Z', lastLoginAt: '2024-06-20T08:01:00Z',
  },
  {
    label: 'picture-png',
    given: 'Bob', middle: 'Chidi', family: 'Okafor', nickname: 'Bobby', username: 'bob.okafor',
    email: 'bob.okafor@example.com', emailVerified: true, phone: '+2348031234567', phoneVerified: false,
    gender: 'male', birthdate: '1990-11-03', zoneinfo: 'Africa/Lagos', locale: 'en-NG',
    website: 'https://bob.example.org/', address: {
      formatted: '5 Marina Street, Lagos Island, Lagos 101001, Nigeria', street_address: '5 Marina Street',
      locality: 'Lagos Island', region: 'Lagos', postal_code: '101001', country: 'NG',
    },
    custom: { department: 'Engineering', employee_no: 'E-2077', vip: false },
    picture: stored(SEED_OBJECT_IDS.transparentPng),
    createdAt: '2024-01-15T11:30:00Z', updatedAt: '2024-05-20T16:45:00Z', lastLoginAt: '2024-06-18T17:20:00Z',
  },
  {
    label: 'picture-exif-rotated',
    given: 'Emi', middle: 'Hana', family: 'Tanaka', nickname: 'Emi', username: 'emi.tanaka',
    email: 'emi.tanaka@example.jp', emailVerified: true, phone: '+819012345678', phoneVerified: true,
    gender: 'female', birthdate: '1995-02-28', zoneinfo: 'Asia/Tokyo', locale: 'ja-JP',
    website: 'https://emi.example.jp/', address: {
      formatted: '1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan', street_address: '1-1 Marunouchi',
      locality: 'Chiyoda-ku', region: 'Tokyo', postal_code: '100-0005', country: 'JP',
    },
    custom: { department: 'Design', employee_no: 'E-3310', vip: false },
    picture: stored(SEED_OBJECT_IDS.exifRotatedJpeg),
    createdAt: '2024-02-01T00:00:00Z', updatedAt: '2024-02-01T00:00:00Z', lastLoginAt: null,
  },
  {
    label: 'picture-external',
    given: 'Carmen', middle: 'Lucía', family: 'Díaz', nickname: 'Menchu', username: 'carmen.diaz',
    email: 'carmen.diaz@example.mx', emailVerified: false, phone: '+525512345678', phoneVerified: true,
    gender: 'female', birthdate: '1979-07-21', zoneinfo: 'America/Mexico_City', locale: 'es-MX',
    website: 'https://carmen.example.mx/', address: {
      formatted: 'Av. Paseo de la Reforma 222, Juárez, 06600 Ciudad de México, CDMX, Mexico',
      street_address: 'Av. Paseo de la Reforma 222', locality: 'Ciudad de México', region: 'CDMX',
      postal_code: '06600', country: 'MX',
    },
    custom: { department: 'Sales', employee_no: 'E-0456', vip: true },
    picture: () => 'https://images.example.com/avatars/carmen-diaz.jpg',
    createdAt: '2024-02-14T14:00:00Z', updatedAt: '2024-04-01T12:00:00Z', lastLoginAt: '2024-06-01T09:30:00Z',
  },
  {
    label: 'no-picture',
    given: 'Dmitri', middle: 'Ivanovich', family: 'Volkov', nickname: 'Dima', username: 'dmitri.volkov',
    email: 'dmitri.volkov@example.net', emailVerified: true, phone: '+4915112345678', phoneVerified: false,
    gender: 'male', birthdate: '1985-09-30', zoneinfo: 'Europe/Berlin', locale: 'de-DE',
    website: 'https://dmitri.example.net/', address: {
      formatted: 'Unter den Linden 1, 10117 Berlin, Germany', street_address: 'Unter den Linden 1', locality: 'Berlin',
      region: 'Berlin', postal_code: '10117', country: 'DE',
    },
    custom: { department: 'Operations', employee_no: 'E-1999', vip: false },
    createdAt: '2024-03-03T08:20:00Z', updatedAt: '2024-03-03T08:20:00Z', lastLoginAt: '2024-03-04T07:00:00Z',
  },
  {
    label: 'disabled',
    given: 'Farid', middle: 'Karim', family: 'Haddad', nickname: 'Fa', username: 'farid.haddad',
    email: 'farid.haddad@example.com', emailVerified: true, phone: '+97141234567', phoneVerified: true,
    gender: 'male', birthdate: '1992-12-05', zoneinfo: 'Asia/Dubai', locale: 'ar-AE',
    website: 'https://farid.example.com/', address: {
      formatted: '1 Sheikh Mohammed bin Rashid Blvd, Downtown Dubai, Dubai, UAE',
      street_address: '1 Sheikh Mohammed bin Rashid Blvd', locality: 'Downtown Dubai', region: 'Dubai',
      postal_code: '00000', country: 'AE',
    },
    custom: { department: 'Legal', employee_no: 'E-0801', vip: false },
    createdAt: '2024-03-20T10:00:00Z', updatedAt: '2024-05-05T10:00:00Z', lastLoginAt: '2024-05-01T10:00:00Z',
    disabled: 'Left the company',
  },
]

function recordOf(person: Person, appId: string): UserRecord {
  const standardAttributes: Record<string, unknown> = {
    email: person.email,
    phone_number: person.phone,
    preferred_username: person.username,
    given_name: person.given,
    middle_name: person.middle,
    family_name: person.family,
    name: `${person.given} ${person.family}`,
    nickname: person.nickname,
    gender: person.gender,
    birthdate: person.birthdate,
    zoneinfo: person.zoneinfo,
    locale: person.locale,
    website: person.website,
    profile: `https://people.example.com/${person.username}`,
    address: { ...person.address },
  }
  if (person.picture) standardAttributes.picture = person.picture(appId)
  return {
    id: SEED_USER_IDS[person.label],
    createdAt: at(person.createdAt),
    updatedAt: at(person.updatedAt),
    lastLoginAt: person.lastLoginAt === null ? null : at(person.lastLoginAt),
    isAnonymized: false,
    isAnonymous: false,
    isDisabled: person.disabled !== undefined,
    isDeactivated: false,
    disableReason: person.disabled ?? null,
    standardAttributes,
    customAttributes: { ...person.custom },
    identities: { email: [person.email], phone_number: [person.phone], preferred_username: [person.username] },
    verifiedClaims: {
      email: person.emailVerified ? [person.email] : [],
      phone_number: person.phoneVerified ? [person.phone] : [],
    },
  }
}

/** The seeded user records of an app (fresh copies each call). */
export function seedUserRecords(appId: string): UserRecord[] {
  const anonymized: UserRecord = {
    id: SEED_USER_IDS.anonymized,
    createdAt: at('2024-04-02T11:11:00Z'),
    updatedAt: at('2024-04-30T00:00:00Z'),
    lastLoginAt: at('2024-04-10T00:00:00Z'),
    isAnonymized: true,
    isAnonymous: false,
    isDisabled: true,
    isDeactivated: false,
    disableReason: null,
    standardAttributes: {},
    customAttributes: {},
    identities: {},
    verifiedClaims: {},
  }
  return [...PEOPLE.map((person) => recordOf(person, appId)), anonymized]
}

/** The {@link SeedUser} summaries, in seed order. */
export function seedUserSummaries(): SeedUser[] {
  const withPicture = new Set(PEOPLE.filter((person) => person.picture).map((person) => person.label))
  return (Object.keys(SEED_USER_IDS) as SeedLabel[]).map((label) => ({
    uuid: SEED_USER_IDS[label],
    nodeId: toUserNodeId(SEED_USER_IDS[label]),
    label,
    hasPicture: withPicture.has(label),
  }))
}
