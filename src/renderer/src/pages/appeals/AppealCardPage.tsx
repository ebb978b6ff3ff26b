import { Col, Flex, Row, Spin } from 'antd'
import { AppealDetails } from '../../components/appeals/card/AppealDetails'
import { AppealHeader } from '../../components/appeals/card/AppealHeader'
import { DeadlineBlock } from '../../components/appeals/card/DeadlineBlock'
import { HistoryTimeline } from '../../components/appeals/card/HistoryTimeline'
import { QuestionMeasures } from '../../components/appeals/card/QuestionMeasures'
import { useAppeal } from '../../components/appeals/card/useAppeal'
import { LoadFailed } from '../../components/appeals/LoadFailed'
import { AttachmentsCard } from '../../components/attachments/AttachmentsCard'

/** #/appeals/<id> — the appeal card: details, deadlines, the actions its status allows, its history, its attached files, and for a meeting question the measures promised on it. */
export function AppealCardPage({ id }: { id: number }) {
  const { appeal, setAppeal, error, reload } = useAppeal(id)
  if (error) return <LoadFailed error={error} onRetry={() => void reload()} />
  if (!appeal) return <Spin style={{ display: 'block', marginTop: 48 }} />

  return (
    <Flex vertical gap={16}>
      <AppealHeader appeal={appeal} onChanged={setAppeal} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <AppealDetails
              key={appeal.id}
              appeal={appeal}
              onRevealed={() => void reload()}
              onChanged={() => void reload()}
            />
            <HistoryTimeline history={appeal.history} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <DeadlineBlock appeal={appeal} onChanged={setAppeal} />
            <QuestionMeasures appeal={appeal} />
            <AttachmentsCard ownerKind="appeal" ownerId={appeal.id} onChanged={() => void reload()} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}
