import type { ReportKind } from '@shared/reports/model'
import type { ReportParamsOf } from '../reportParams'

/** What every kind's parameter fields take: the kind's parameters, and messages by field. */
export interface ParamFieldsProps<K extends ReportKind> {
  value: ReportParamsOf<K>
  onChange: (next: ReportParamsOf<K>) => void
  errors: Record<string, string>
}
