import type { ApiMethod } from '@shared/api/methods'
import type { Gate } from '../../api/dispatcher'
import type { Clock } from '../context'
import type { AuthService } from './AuthService'

/**
 * The dispatcher's gate on a started core: a door's call answers to the user of the session
 * the door holds (none, or idle past the limit: refused with `signed_out` / `locked`); an
 * in-process call (no `session` in its context: tests, the CLI) to the user it names.
 * `auth` is read at each call: a restore replaces the core's services.
 */
/**
 * Calls a page makes by itself, on a timer, with nobody at the desk: they must not count as
 * activity, or an open list (which polls the data's revision every 1.5 s) would never lock.
 */
const NOT_ACTIVITY: ReadonlySet<ApiMethod> = new Set(['data.revision'])

/**
 * What a session signed in with a password an administrator gave may call before its user has
 * chosen their own (besides the methods open to all): that choice, and the interface language
 * of the dialog asking for it. So the administrator who knows the first password cannot work
 * as that person through it, whatever door or script they use.
 */
const BEFORE_OWN_PASSWORD: ReadonlySet<ApiMethod> = new Set(['auth.changePassword', 'preferences.update'])

export function sessionGate(auth: () => AuthService, clock: Clock): Gate {
  return {
    identify(ctx, method) {
      if (ctx.session === undefined) return { user: ctx.user ?? null }
      const { sessions, idleLockMs } = auth()
      const found = sessions.lookup(ctx.session, clock(), idleLockMs, !NOT_ACTIVITY.has(method))
      if (found.state === 'active') {
        if (found.passwordChangeNeeded && !BEFORE_OWN_PASSWORD.has(method))
          return { user: null, refusal: 'password_change_needed' }
        return { user: found.user }
      }
      return { user: null, refusal: found.state === 'locked' ? 'locked' : 'signed_out' }
    },
    forbidden: (method, ctx) => auth().forbidden(method, ctx),
  }
}
