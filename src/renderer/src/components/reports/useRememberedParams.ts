import { useEffect, useRef, useState } from 'react'
import { REPORT_KINDS } from '@shared/reports/model'
import { call } from '../../api/client'
import type { AnyReportDraft, AnyReportParams, ParamsByKind } from './reportParams'

/** How long the parameters must stay unchanged before they are remembered. */
const SAVE_AFTER_MS = 800

/**
 * Each report's parameters, starting from `defaults` and from what was last used for that
 * report (preferences.reports, kept in the database like the language), and remembered again
 * when the user changes them. A draft the core refuses (a year left empty) is not remembered:
 * the update is refused by its schema and the last good parameters stay.
 */
export function useRememberedParams(defaults: ParamsByKind): [ParamsByKind, (next: AnyReportDraft) => void] {
  const [paramsByKind, setParamsByKind] = useState(defaults)
  const edited = useRef(new Set<string>())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    let stopped = false
    call('preferences.get', {}).then(
      ({ reports }) => {
        if (stopped) return
        setParamsByKind((all) => {
          const merged = { ...all }
          // A report the user changed before the answer came keeps the change.
          for (const kind of REPORT_KINDS)
            if (reports[kind] && !edited.current.has(kind)) Object.assign(merged, { [kind]: reports[kind] })
          return merged
        })
      },
      () => undefined,
    )
    return () => {
      stopped = true
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  const change = (next: AnyReportDraft) => {
    edited.current.add(next.kind)
    setParamsByKind((all) => ({ ...all, [next.kind]: next }))
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      call('preferences.update', { report: next as AnyReportParams }).catch(() => undefined)
    }, SAVE_AFTER_MS)
  }
  return [paramsByKind, change]
}
