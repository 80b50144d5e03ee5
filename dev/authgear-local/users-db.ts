/** The users the local Authgear holds, in storage form, with transaction snapshots. */

/** Login ids a user owns; Authgear keeps `email`, `phone_number` and `preferred_username` in step with them. */
export interface UserIdentities {
  email?: string[]
  phone_number?: string[]
  preferred_username?: string[]
}

/** One user as stored (the `picture` attribute in `authgearimages:///APP/OBJECT` form). */
export interface UserRecord {
  id: string
  /** ms since epoch */
  createdAt: number
  updatedAt: number
  lastLoginAt: number | null
  isAnonymized: boolean
  isAnonymous: boolean
  isDisabled: boolean
  isDeactivated: boolean
  disableReason: string | null
  standardAttributes: Record<string, unknown>
  customAttributes: Record<string, unknown>
  /** Login ids, newest first. */
  identities: UserIdentities
  /** Claims the user verified (`email_verified`, `phone_number_verified` are derived from them). */
  verifiedClaims: { email?: string[]; phone_number?: string[] }
}

const clone = <T>(value: T): T => structuredClone(value)

/** An in-memory table of users; every read and write copies, so callers never share state. */
export class UsersDatabase {
  private readonly users = new Map<string, UserRecord>()

  constructor(records: readonly UserRecord[] = []) {
    this.replaceAll(records)
  }

  get(id: string): UserRecord | undefined {
    const user = this.users.get(id)
    return user ? clone(user) : undefined
  }

  put(record: UserRecord): void {
    this.users.set(record.id, clone(record))
  }

  /** All users, oldest first (then by id, for a stable order). */
  list(): UserRecord[] {
    return [...this.users.values()]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map(clone)
  }

  /** A copy of every record, to restore on rollback or persist. */
  snapshot(): UserRecord[] {
    return this.list()
  }

  replaceAll(records: readonly UserRecord[]): void {
    this.users.clear()
    for (const record of records) this.users.set(record.id, clone(record))
  }
}

/** Checks the shape of a `users.json` written by an earlier run; throws when it is not one. */
export function parseUserRecords(value: unknown): UserRecord[] {
  if (!Array.isArray(value)) throw new Error('users file must hold an array')
  for (const record of value) {
    const user = record as Partial<UserRecord> | null
    if (!user || typeof user.id !== 'string' || typeof user.standardAttributes !== 'object' || typeof user.createdAt !== 'number') {
      throw new Error('users file holds a malformed user')
    }
  }
  return value as UserRecord[]
}
