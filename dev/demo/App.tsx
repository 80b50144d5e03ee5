import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { createAdminApiClient, fromUserNodeId, toDisplayableImageUrl } from '../../src/core/index.ts'
import { UserPictureEditor } from '../../src/index.ts'
import { PROXY_PATH } from './config.ts'
import { DemoListUsersDocument, type DemoUser } from './operations.ts'

const client = createAdminApiClient({ endpoint: PROXY_PATH })
const usersKey = ['demo', 'users'] as const

function useHashRoute(): string {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return hash
}

function displayName(user: DemoUser): string {
  const attributes = user.standardAttributes
  return user.formattedName || attributes.name || attributes.email || fromUserNodeId(user.id)
}

function Avatar({ user, size }: { user: DemoUser; size: number }) {
  const [failedSrc, setFailedSrc] = useState<string>()
  const candidate = toDisplayableImageUrl(user.standardAttributes.picture)
  // An unreachable external picture falls back to initials instead of a broken image.
  const src = candidate === failedSrc ? undefined : candidate
  const initials = displayName(user)
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
    .toUpperCase()
  return src ? (
    <img className="avatar" src={src} alt="" width={size} height={size} data-testid="user-picture" onError={() => setFailedSrc(src)} />
  ) : (
    <span className="avatar avatar-initials" style={{ width: size, height: size }} data-testid="user-initials" aria-hidden="true">
      {initials}
    </span>
  )
}

function UserList({ users }: { users: DemoUser[] }) {
  return (
    <ul className="user-list" aria-label="Users">
      {users.map((user) => (
        <li key={user.id} data-user-id={fromUserNodeId(user.id)}>
          <a href={`#/users/${fromUserNodeId(user.id)}`}>
            <Avatar user={user} size={40} />
            <span>
              <strong>{displayName(user)}</strong>
              <small>{user.standardAttributes.email ?? ''}</small>
            </span>
          </a>
        </li>
      ))}
    </ul>
  )
}

function UserPage({ user }: { user: DemoUser }) {
  const queryClient = useQueryClient()
  return (
    <section className="user-page" aria-labelledby="user-heading">
      <p>
        <a href="#/">← All users</a>
      </p>
      <h2 id="user-heading">{displayName(user)}</h2>
      <UserPictureEditor
        userId={user.id}
        round
        onSaved={() => queryClient.invalidateQueries({ queryKey: usersKey })}
        onRemoved={() => queryClient.invalidateQueries({ queryKey: usersKey })}
      />
      <h3>Standard attributes</h3>
      <pre data-testid="standard-attributes">{JSON.stringify(user.standardAttributes, null, 2)}</pre>
    </section>
  )
}

export function App() {
  const route = useHashRoute()
  const users = useQuery({
    queryKey: usersKey,
    queryFn: async ({ signal }) => (await client.request(DemoListUsersDocument, { first: 100 }, { signal })).users.edges.map((edge) => edge.node),
  })
  const selectedId = /^#\/users\/([\w-]+)$/.exec(route)?.[1]
  const selected = useMemo(() => users.data?.find((user) => fromUserNodeId(user.id) === selectedId), [users.data, selectedId])

  return (
    <div className="layout">
      <header>
        <h1>Demo admin dashboard</h1>
        <p>Users of the Authgear project, through the dashboard's own proxy.</p>
      </header>
      <main>
        {users.isPending ? <p role="status">Loading users…</p> : null}
        {users.error ? <p role="alert">Could not load users: {users.error.message}</p> : null}
        {users.data && selected ? <UserPage user={selected} /> : null}
        {users.data && !selected ? <UserList users={users.data} /> : null}
      </main>
    </div>
  )
}
