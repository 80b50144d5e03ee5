/**
 * The names stories and browser tests already import; the implementation is
 * `authgear-handlers.ts`.
 */
import { createAuthgearHandlers, type AuthgearHandlers, type AuthgearHandlersOptions } from './authgear-handlers.ts'

export {
  DEFAULT_MSW_ENDPOINT,
  MSW_AUTHGEAR_ORIGIN,
  SEED_OBJECT_IDS,
  SEED_USER_IDS,
  createAuthgearHandlers,
  networkDown,
  proxyRefusesSession,
  type AuthgearHandlers,
  type AuthgearHandlersOptions,
} from './authgear-handlers.ts'

/** Same as {@link AuthgearHandlers}. */
export type AuthgearMsw = AuthgearHandlers
/** Same as {@link AuthgearHandlersOptions}. */
export type AuthgearMswOptions = AuthgearHandlersOptions
/** Same as {@link createAuthgearHandlers}. */
export const createAuthgearMsw = createAuthgearHandlers
