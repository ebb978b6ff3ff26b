import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ImportField, ImportPreview, ImportProgress, ImportResult } from '@shared/api/contract'
import type { AppealChannel, AppealType } from '@shared/domain/appeal'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { fileToBase64 } from '../../api/files'

/** An id for following one commit's progress: unique enough within this window. */
const newImportId = (): string => `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/** What empty cells and unmapped columns become. */
export interface ImportDefaults {
  channel: AppealChannel
  appealType: AppealType
  sectorId: number | null
}
export type WizardStep = 'file' | 'columns' | 'sectors' | 'preview' | 'importing' | 'result'

type SectorMapping = Record<string, number | null>

/** A suggestion this close is pre-selected (an abbreviation, or one name inside the other); weaker ones wait for the user. */
const PRESELECT_SCORE = 0.8
const PROGRESS_EVERY_MS = 300

/**
 * The wizard's state and its calls. Every change of mapping asks the core for a new preview
 * (the core judges rows; the UI only shows); the commit sends the same inputs again, and the
 * core judges them again before writing.
 */
export function useImportWizard(onImported?: (result: ImportResult) => void) {
  const { t } = useTranslation()
  const [step, setStep] = useState<WizardStep>('file')
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [sectorMapping, setSectorMapping] = useState<SectorMapping>({})
  const [defaults, setDefaults] = useState<ImportDefaults>({
    channel: 'written',
    appealType: 'application',
    sectorId: null,
  })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const request = useRef(0)

  type Overrides = Partial<ApiInput<'import.preview'>>
  const runPreview = useCallback(
    async (input: ApiInput<'import.preview'>): Promise<ImportPreview | null> => {
      const mine = ++request.current
      setLoading(true)
      setError(null)
      try {
        const next = await call('import.preview', input)
        if (mine !== request.current) return null // a newer request is on its way
        setPreview(next)
        return next
      } catch (e) {
        if (mine === request.current) setError(showApiError(e, t))
        return null
      } finally {
        if (mine === request.current) setLoading(false)
      }
    },
    [t],
  )

  /** The inputs as they stand, with some replaced. */
  const inputWith = (over: Overrides): ApiInput<'import.preview'> => ({
    file: file!,
    headerRow: preview?.headerRow ?? null,
    columns: preview ? preview.columns.map((c) => ({ index: c.index, field: c.field })) : null,
    sectorMapping,
    defaults,
    ...over,
  })

  const chooseFile = async (chosen: File) => {
    let next
    try {
      next = { fileName: chosen.name, base64: await fileToBase64(chosen) }
    } catch {
      setError(t('importUi.errors.unreadable'))
      return
    }
    setFile(next)
    const first = await runPreview({ file: next, defaults })
    if (!first) return
    // texts the core resolved (remembered, exact name) stay out of the mapping; close suggestions are pre-selected
    const preselected: SectorMapping = {}
    for (const s of first.sectors) {
      if (s.sectorId === null && (s.suggestions[0]?.score ?? 0) >= PRESELECT_SCORE)
        preselected[s.key] = s.suggestions[0]!.sectorId
    }
    setSectorMapping(preselected)
    setStep('columns')
  }

  const setField = (index: number, field: ImportField | null) => {
    const columns = preview!.columns.map((c) => ({ index: c.index, field: c.index === index ? field : c.field }))
    void runPreview(inputWith({ columns }))
  }
  const setHeaderRow = (headerRow: number) => void runPreview(inputWith({ headerRow, columns: null }))
  const changeDefaults = (next: ImportDefaults) => {
    setDefaults(next)
    void runPreview(inputWith({ defaults: next }))
  }
  const setSector = (key: string, sectorId: number | null) => setSectorMapping((m) => ({ ...m, [key]: sectorId }))

  const goTo = async (next: WizardStep) => {
    if (next === 'preview' && !(await runPreview(inputWith({})))) return
    setStep(next)
  }

  const commit = async () => {
    const importId = newImportId()
    setStep('importing')
    setProgress({ importId, phase: 'unknown', done: 0, total: preview?.counts.valid ?? 0 })
    setError(null)
    // progress is answered outside the core's queue, so it can be read while the import writes
    const timer = setInterval(() => {
      call('import.progress', { importId })
        .then((p) => setProgress((current) => (current?.phase === 'done' ? current : p)))
        .catch(() => undefined)
    }, PROGRESS_EVERY_MS)
    try {
      const done = await call('import.commit', { ...inputWith({}), importId })
      setResult(done)
      setProgress({ importId, phase: 'done', done: done.imported, total: done.imported })
      onImported?.(done)
    } catch (e) {
      setError(showApiError(e, t))
      setResult(null)
    } finally {
      clearInterval(timer)
      setStep('result')
    }
  }

  const restart = () => {
    request.current++
    setStep('file')
    setFile(null)
    setPreview(null)
    setSectorMapping({})
    setResult(null)
    setProgress(null)
    setError(null)
    setLoading(false)
  }

  return {
    step,
    preview,
    sectorMapping,
    defaults,
    loading,
    error,
    progress,
    result,
    chooseFile,
    setField,
    setHeaderRow,
    changeDefaults,
    setSector,
    goTo,
    commit,
    restart,
  }
}

export type ImportWizardState = ReturnType<typeof useImportWizard>
