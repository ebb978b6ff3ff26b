import { userInfo } from 'node:os'
import type { ApiError } from '@shared/api/errors'
import type { UserAccount } from '@shared/api/contract'
import { isRole, ROLES } from '@shared/auth/roles'
import type { Core } from './core'
import type { CallContext, CallUser } from './services/context'

/**
 * `npm run cli -- users …`: accounts without the window, for an administrator at this computer
 * and for scripts. Whoever can write the data folder owns its data anyway, so the command line
 * acts as an administrator without signing in; the history names it with the system account
 * that ran it. Passwords are read from standard input only (never an argument: those show in
 * the process list and the shell's history).
 */

export const USERS_USAGE = `  npm run cli -- users add --username U --role ROLE --full-name "…" [--staff ID] --password-stdin [--data DIR]
  npm run cli -- users reset-password --username U --password-stdin [--data DIR]
  npm run cli -- users list [--data DIR]
  npm run cli -- users deactivate --username U [--data DIR]
    ROLE: ${ROLES.join(', ')}`

export interface UsersArgs {
  username?: string
  role?: string
  fullName?: string
  staff?: string
  passwordStdin?: boolean
}

export class CliUsageError extends Error {}

function cliContext(): CallContext {
  let account = 'unknown'
  try {
    account = userInfo().username
  } catch {
    // no account name on this system: the history still says it came from the command line
  }
  const user: CallUser = { id: 0, username: 'cli', fullName: `CLI (${account})`, role: 'administrator', staffId: null }
  return { user, operator: user.fullName, operatorId: null, door: 'desktop' }
}

/** The whole of standard input, without the final line break an `echo` or a file adds. */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export function checkUsersArgs(sub: string | undefined, args: UsersArgs): void {
  const need = (flag: string, value: unknown) => {
    if (value === undefined || value === '') throw new CliUsageError(`users ${sub} needs ${flag}`)
  }
  switch (sub) {
    case 'add':
      need('--username', args.username)
      need('--role', args.role)
      need('--full-name', args.fullName)
      if (!isRole(args.role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}, got "${args.role}"`)
      if (args.staff !== undefined && !/^\d+$/.test(args.staff))
        throw new CliUsageError(`--staff must be a staff id, got "${args.staff}"`)
      if (!args.passwordStdin)
        throw new CliUsageError('users add needs --password-stdin (the password is read from standard input)')
      return
    case 'reset-password':
      need('--username', args.username)
      if (!args.passwordStdin)
        throw new CliUsageError(
          'users reset-password needs --password-stdin (the password is read from standard input)',
        )
      return
    case 'deactivate':
      need('--username', args.username)
      return
    case 'list':
      return
    default:
      throw new CliUsageError(
        sub ? `unknown users command: ${sub}` : 'users needs a command: add, reset-password, list or deactivate',
      )
  }
}

type Refused = (error: ApiError) => number

export async function runUsers(
  core: Core,
  sub: string,
  args: UsersArgs,
  password: string | null,
  refused: Refused,
): Promise<number> {
  const ctx = cliContext()
  const byName = async () => {
    const found = await core.services.users.findByUsername(args.username!)
    if (!found) throw new CliUsageError(`no account named "${args.username}" (see: users list)`)
    return found
  }
  switch (sub) {
    case 'add': {
      const result = await core.dispatch(
        'users.create',
        {
          username: args.username,
          role: args.role,
          fullName: args.fullName,
          staffId: args.staff === undefined ? null : Number(args.staff),
          password,
        },
        ctx,
      )
      if (!result.ok) return refused(result.error)
      console.log(`Added ${describe(result.data as UserAccount)}`)
      return 0
    }
    case 'reset-password': {
      const result = await core.dispatch('users.resetPassword', { id: (await byName()).id, password }, ctx)
      if (!result.ok) return refused(result.error)
      console.log(`New password set for ${args.username}; the account's sessions have ended`)
      return 0
    }
    case 'deactivate': {
      const result = await core.dispatch('users.deactivate', { id: (await byName()).id }, ctx)
      if (!result.ok) return refused(result.error)
      console.log(`Deactivated ${describe(result.data as UserAccount)}`)
      return 0
    }
    default: {
      const result = await core.dispatch('users.list', {}, ctx)
      if (!result.ok) return refused(result.error)
      for (const account of result.data as UserAccount[]) console.log(describe(account))
      return 0
    }
  }
}

const describe = (a: UserAccount): string =>
  `${a.username}\t${a.role}\t${a.fullName}${a.active ? '' : '\t(deactivated)'}${a.lockedUntil ? `\t(locked until ${a.lockedUntil})` : ''}`
