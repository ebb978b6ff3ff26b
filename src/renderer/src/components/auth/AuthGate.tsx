import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Result, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuthStatus, SetupDone, SignedIn } from '@shared/api/contract'
import { isUnreachable, onceServerAnswers } from '../../api/serverConnection'
import { call, setSessionHandlers } from '../../api/client'
import { forgetDrafts } from '../../lib/userDrafts'
import { AuthContext, type Auth } from './AuthContext'
import { AuthScreenFrame } from './AuthScreen'
import { ChangePasswordModal } from './ChangePasswordModal'
import { LockModal } from './LockModal'
import { RecoveryCodeNotice } from './RecoveryCodeNotice'
import { SetupScreen } from './SetupScreen'
import { SignInScreen } from './SignInScreen'

/** How often the page asks whether its session is idle-locked (asking is not activity). */
const pollMs = (idleMinutes: number) => Math.min(30_000, (idleMinutes * 60_000) / 4)

/**
 * What stands between the page and the program: the first-run setup, sign-in (with recovery),
 * and, once signed in, one's own password in place of a first one an administrator gave, and the
 * idle lock. The lock is a modal over `children`, which stay mounted,
 * so a half-typed form survives it; a call refused as `locked` waits for the password and is
 * then made again.
 */
export function AuthGate({ children, languageSwitch }: { children: ReactNode; languageSwitch: ReactNode }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<AuthStatus | null>(null)
  const [failed, setFailed] = useState(false)
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null)
  const waiting = useRef<(() => void)[]>([])

  const refresh = useCallback(
    (): Promise<void> =>
      call('auth.status', {}).then(
        (next) => setStatus(next),
        // A desk of the office server while it does not answer: the banner retries, then this.
        (error: unknown) => (isUnreachable(error) ? onceServerAnswers(() => void refresh()) : setFailed(true)),
      ),
    [],
  )
  useEffect(() => void refresh(), [refresh])

  // A call refused as locked does not say how the lock came (idle or from the menu): the status does.
  const lock = useCallback((byHand?: boolean) => {
    setStatus((s) => (s && !s.locked ? { ...s, locked: true, lockedByHand: byHand ?? false } : s))
    if (byHand === undefined)
      void call('auth.status', {}).then(
        (next) => setStatus((s) => (s?.locked ? { ...s, lockedByHand: next.lockedByHand } : s)),
        () => undefined,
      )
  }, [])
  useEffect(() => {
    setSessionHandlers({
      locked: () =>
        new Promise<void>((resolve) => {
          waiting.current.push(resolve)
          lock()
        }),
      signedOut: () => {
        forgetDrafts()
        setStatus((s) => (s ? { ...s, user: null, locked: false } : s))
      },
    })
    return () => setSessionHandlers(null)
  }, [lock])

  const signedIn = status?.user != null
  const idleMinutes = status?.idleLockMinutes ?? 15
  useEffect(() => {
    if (!signedIn) return
    const timer = setInterval(() => {
      void call('auth.status', {}).then(
        (next) => (next.locked ? lock(next.lockedByHand) : undefined),
        () => undefined,
      )
    }, pollMs(idleMinutes))
    return () => clearInterval(timer)
  }, [signedIn, idleMinutes, lock])

  const enter = useCallback((done: SignedIn) => {
    setStatus((s) =>
      s
        ? {
            ...s,
            setupNeeded: false,
            user: done.user,
            locked: false,
            passwordChangeNeeded: done.passwordChangeNeeded,
          }
        : s,
    )
  }, [])
  const ownPasswordChosen = useCallback(() => setStatus((s) => (s ? { ...s, passwordChangeNeeded: undefined } : s)), [])
  const enterWithCode = useCallback(
    (done: SetupDone) => {
      setRecoveryCode(done.recoveryCode)
      enter(done)
    },
    [enter],
  )
  const unlocked = useCallback(() => {
    setStatus((s) => (s ? { ...s, locked: false, lockedByHand: false } : s))
    for (const resolve of waiting.current.splice(0)) resolve()
  }, [])
  const lockNow = useCallback(async () => {
    const { locked } = await call('auth.lock', {})
    setStatus((s) => (s && locked ? { ...s, locked: true, lockedByHand: true } : s))
  }, [])
  const signOut = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined)
    // nothing typed in this session (an applicant's IIN, say) stays in the tab after it
    forgetDrafts()
    waiting.current = []
    await refresh()
  }, [refresh])

  const auth = useMemo<Auth | null>(
    () =>
      status?.user
        ? { user: status.user, idleLockMinutes: status.idleLockMinutes, locked: status.locked, lockNow, signOut }
        : null,
    [status?.user, status?.idleLockMinutes, status?.locked, lockNow, signOut],
  )

  if (failed) return <Result status="error" title={t('errors.network')} />
  if (!status) return <Spin fullscreen tip={t('app.loading')} />
  const before = (screen: ReactNode) => <AuthScreenFrame languageSwitch={languageSwitch}>{screen}</AuthScreenFrame>
  if (recoveryCode) return before(<RecoveryCodeNotice code={recoveryCode} onDone={() => setRecoveryCode(null)} />)
  if (status.setupNeeded) return before(<SetupScreen status={status} onDone={enterWithCode} />)
  if (!auth) return before(<SignInScreen onSignedIn={enter} onRecovered={enterWithCode} />)
  return (
    <AuthContext.Provider value={auth}>
      {/* Until the person has chosen their own password the core answers nothing else: no pages behind the dialog. */}
      {status.passwordChangeNeeded ? before(null) : children}
      {status.passwordChangeNeeded && !status.locked && (
        <ChangePasswordModal first onClose={ownPasswordChosen} onSignOut={() => void signOut()} />
      )}
      {status.locked && (
        <LockModal
          user={auth.user}
          minutes={auth.idleLockMinutes}
          byHand={status.lockedByHand}
          onUnlocked={unlocked}
          onSignOut={() => void signOut()}
        />
      )}
    </AuthContext.Provider>
  )
}
