import { useCallback, useEffect, useRef, useState } from 'react'
import { Alert, App, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { pingServer } from '../../api/client'
import { useConnectionProblem } from '../../api/serverConnection'
import { issueText } from '../../api/issueText'

/** Seconds before each new try while the server does not answer: soon at first, then every 30 s. */
export const RETRY_DELAYS_S = [2, 4, 8, 15, 30]

/**
 * A desk of the office server that cannot reach it says so at the top of every page, for as
 * long as it lasts, and asks the server again after a growing pause (or at once, on the button).
 * Nothing waits to be sent: what the clerk typed is still in the form, to be saved again once the
 * server answers. A changed certificate is said the same way, without retries: only an
 * administrator can tell whether the new one is to be trusted.
 */
export function ServerConnectionBanner() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const problem = useConnectionProblem()
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null)
  /** How many times the server was asked again since it stopped answering. */
  const [round, setRound] = useState(0)
  const hadProblem = useRef(false)

  const unreachable = problem?.code === 'unreachable'
  useEffect(() => {
    if (problem) hadProblem.current = true
    else if (hadProblem.current) {
      hadProblem.current = false
      setRound(0)
      void message.success(t('desk.banner.restored'))
    }
  }, [problem, message, t])

  const askNow = useCallback(() => {
    setSecondsLeft(0)
    // Still unreachable, the answer leaves the problem as it is, and the next pause starts.
    void pingServer().then(() => setRound((done) => done + 1))
  }, [])

  useEffect(() => {
    if (!unreachable) return setSecondsLeft(null)
    let left = RETRY_DELAYS_S[Math.min(round, RETRY_DELAYS_S.length - 1)]!
    setSecondsLeft(left)
    const timer = setInterval(() => {
      left -= 1
      if (left > 0) return setSecondsLeft(left)
      clearInterval(timer)
      askNow()
    }, 1000)
    return () => clearInterval(timer)
  }, [unreachable, round, askNow])

  if (!problem) return null
  const detail = problem.issues.map((issue) => issueText(issue, t)).join(' ')
  return (
    <Alert
      banner
      type={unreachable ? 'warning' : 'error'}
      data-testid="server-connection"
      role="alert"
      style={{ position: 'sticky', top: 0, zIndex: 1000 }}
      title={t(problem.messageKey)}
      description={
        <>
          {detail}
          {unreachable && secondsLeft !== null && (
            <> {secondsLeft > 0 ? t('desk.banner.retryIn', { seconds: secondsLeft }) : t('desk.banner.retrying')}</>
          )}
        </>
      }
      action={
        unreachable && (
          <Button size="small" onClick={askNow}>
            {t('desk.banner.retryNow')}
          </Button>
        )
      }
    />
  )
}
