import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MeetingMeasure } from '@shared/api/contract'
import type { MeasureState } from '@shared/domain/measure'
import { formatDate } from '../../../lib/format'

const COLORS: Record<MeasureState, string> = {
  done: 'green',
  done_late: 'gold',
  open: 'blue',
  overdue: 'red',
}

/** Where a measure stands, named in the current language; a done one also says when. The name may wrap: "Выполнено с опозданием" is wider than the column. */
export function MeasureStateTag({ measure }: { measure: MeetingMeasure }) {
  const { t } = useTranslation()
  return (
    <>
      <Tag
        color={COLORS[measure.state]}
        data-testid="measure-state"
        style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
      >
        {t(`meetingsUi.measures.stateName.${measure.state}`)}
      </Tag>
      {measure.doneOn && (
        <div>
          <Typography.Text type="secondary">{formatDate(measure.doneOn)}</Typography.Text>
        </div>
      )}
    </>
  )
}
