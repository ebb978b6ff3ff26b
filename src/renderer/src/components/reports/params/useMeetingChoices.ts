import { useEffect, useMemo, useState } from 'react'
import type { ReportMeeting } from '@shared/api/contract'
import { call } from '../../../api/client'

/** The report meetings, newest first, and the years that have any: what a press summary can cover. */
export function useMeetingChoices(): { meetings: ReportMeeting[]; years: number[]; loading: boolean } {
  const [meetings, setMeetings] = useState<ReportMeeting[] | null>(null)
  useEffect(() => {
    // No list is no choice, not a broken page: the summary then covers the year typed in.
    call('meetings.list', {}).then(setMeetings, () => setMeetings([]))
  }, [])
  const years = useMemo(
    () => [...new Set((meetings ?? []).map((m) => Number(m.heldOn.slice(0, 4))))].sort((a, b) => b - a),
    [meetings],
  )
  return { meetings: meetings ?? [], years, loading: meetings === null }
}
