import { Alert, Button, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Appeal } from '@shared/api/contract'
import { formatInstant } from '../../../lib/format'
import { ReceiptButton } from '../ReceiptButton'
import { DeadlineTag, StatusTag } from '../StatusTags'
import { StatusActions } from './StatusActions'
import { useCan } from '../../auth/AuthContext'
import { AnswerActions } from '../answer/AnswerActions'
import { PrintButton } from '../../common/PrintButton'
import { useLanguage } from '../../../hooks/useLanguage'

/** The card's top line: number, status and deadline tags, and what can be done with the appeal now. */
export function AppealHeader({ appeal, onChanged }: { appeal: Appeal; onChanged: (appeal: Appeal) => void }) {
  const { t } = useTranslation()
  const { mayCall } = useCan()
  const lang = useLanguage()
  return (
    <Flex vertical gap={8}>
      <Typography.Link href="#/appeals">← {t('appealsUi.backToList')}</Typography.Link>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('appealsUi.card.title', { number: appeal.regNumber })}
          </Typography.Title>
          <StatusTag status={appeal.status} />
          <DeadlineTag appeal={appeal} />
          {appeal.repeated && <Tag color="magenta">{t('appealsUi.tag.repeated')}</Tag>}
          {appeal.annulment && <Tag color="default">{t('appealsUi.annul.tag')}</Tag>}
        </Flex>
        <Flex gap={8} wrap>
          {(mayCall('appeals.transition') || mayCall('appeals.extend') || mayCall('appeals.annul')) && (
            <StatusActions appeal={appeal} onChanged={onChanged} />
          )}
          {mayCall('appeals.update') && !appeal.annulment && (
            <Button href={`#/appeals/${appeal.id}/edit`}>{t('appealsUi.card.edit')}</Button>
          )}
          <AnswerActions appeal={appeal} onChanged={onChanged} />
          {mayCall('appeals.receipt') && <ReceiptButton appealId={appeal.id} />}
          {mayCall('appeals.receipt') && (
            <PrintButton method="appeals.receipt" input={{ id: appeal.id, lang }} data-testid="receipt-print" />
          )}
        </Flex>
      </Flex>
      {appeal.annulment && (
        <Alert
          type="warning"
          showIcon
          data-testid="annulment-notice"
          message={t('appealsUi.annul.card', {
            date: formatInstant(appeal.annulment.at),
            reason: appeal.annulment.reason,
          })}
        />
      )}
    </Flex>
  )
}
