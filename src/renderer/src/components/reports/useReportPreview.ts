import { useEffect, useRef, useState } from 'react'
import type { ApiInput } from '@shared/api/contract'
import type { ReportModel } from '@shared/reports/model'
import { call } from '../../api/client'
import { useDebounced } from '../../hooks/useDebounced'

export interface ReportPreviewState {
  /** The last model built; kept on screen while the next one is built, so the page does not jump. */
  model: ReportModel | null
  loading: boolean
  /** The error of the last build, or null. */
  error: unknown
  /** Builds again with the same input (after a failure that was not the parameters' fault). */
  retry: () => void
}

/**
 * Builds the report again whenever its input changes, once the user pauses (a year typed
 * digit by digit is one build, not four). The input is compared as JSON text: the page makes
 * a new object on every render, and only a real change must start a build. A build that
 * finishes after a newer one started is dropped, so the preview never shows old parameters.
 * `revision` rebuilds with the same input, after the data itself changed (sample data loaded).
 */
export function useReportPreview(input: ApiInput<'reports.build'>, revision = 0, delay = 350): ReportPreviewState {
  const text = JSON.stringify(input)
  const settled = useDebounced(text, delay)
  const [state, setState] = useState<Omit<ReportPreviewState, 'retry'>>({ model: null, loading: true, error: null })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(0)

  useEffect(() => {
    const request = ++latest.current
    setState((prev) => ({ ...prev, loading: true }))
    call('reports.build', JSON.parse(settled) as ApiInput<'reports.build'>).then(
      (model) => {
        if (request === latest.current) setState({ model, loading: false, error: null })
      },
      (error: unknown) => {
        if (request === latest.current) setState({ model: null, loading: false, error })
      },
    )
  }, [settled, revision, attempt])

  // Still waiting for the pause counts as loading: what is on screen is for older parameters.
  return { ...state, loading: state.loading || text !== settled, retry: () => setAttempt((n) => n + 1) }
}
