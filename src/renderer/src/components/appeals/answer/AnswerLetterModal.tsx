import { useEffect, useState } from 'react'
import { Alert, App, Button, Form, Input, Segmented, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AnswerLetterDraft, ApiInput, Appeal } from '@shared/api/contract'
import type { LetterLanguage } from '@shared/domain/answer'
import { call } from '../../../api/client'
import { downloadBase64 } from '../../../api/files'
import { showApiError } from '../../../api/formErrors'
import { printDocument } from '../../../api/printing'
import { useLanguage } from '../../../hooks/useLanguage'
import { formatDate } from '../../../lib/format'
import { FormModal } from '../../common/FormModal'

/** What the clerk edits: the addressee, the body's three parts, the signature. */
type LetterTexts = Pick<
  AnswerLetterDraft,
  'addressee' | 'address' | 'decision' | 'reasons' | 'appealRoute' | 'signatory' | 'signatoryPosition'
>

const textsOf = (draft: AnswerLetterDraft): LetterTexts => ({
  addressee: draft.addressee,
  address: draft.address ?? '',
  decision: draft.decision,
  reasons: draft.reasons,
  appealRoute: draft.appealRoute,
  signatory: draft.signatory,
  signatoryPosition: draft.signatoryPosition ?? '',
})

/**
 * The answer letter: the draft the core fills from the office's template (Kazakh or Russian)
 * and the appeal, opened for the clerk to edit; the PDF is drawn from the edited text, to
 * download or print. Asking for the draft is recorded in the history (it shows the address).
 */
export function AnswerLetterModal({ appeal, onClose }: { appeal: Appeal; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const uiLanguage = useLanguage()
  const [lang, setLang] = useState<LetterLanguage>(uiLanguage === 'ru' ? 'ru' : 'kk')
  const [draft, setDraft] = useState<AnswerLetterDraft | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [form] = Form.useForm<LetterTexts>()
  const [printing, setPrinting] = useState(false)

  useEffect(() => {
    let current = true
    setDraft(null)
    setFailure(null)
    call('appeals.answerLetterDraft', { id: appeal.id, lang }).then(
      (loaded) => current && setDraft(loaded),
      (error: unknown) => current && setFailure(error),
    )
    return () => {
      current = false
    }
  }, [appeal.id, lang])

  const input = (texts: LetterTexts): ApiInput<'appeals.answerLetter'> => ({ id: appeal.id, lang, ...texts })
  const print = async () => {
    setPrinting(true)
    try {
      await printDocument('appeals.answerLetter', input(await form.validateFields()))
    } catch (error) {
      void message.error(showApiError(error, t, form) ?? t('print.failed'))
    } finally {
      setPrinting(false)
    }
  }

  if (!draft)
    return failure ? (
      <Alert type="error" showIcon title={showApiError(failure, t)} closable onClose={onClose} />
    ) : (
      <Spin fullscreen />
    )

  const text = (name: keyof LetterTexts, rows: number) => (
    <Form.Item name={name} label={t(`answers.letter.${name}`)}>
      {rows > 1 ? <Input.TextArea autoSize={{ minRows: rows, maxRows: 12 }} /> : <Input />}
    </Form.Item>
  )
  return (
    <FormModal<LetterTexts>
      key={lang}
      form={form}
      title={t('answers.letter.title', { regNumber: appeal.regNumber })}
      initialValues={textsOf(draft)}
      okText={t('answers.letter.download')}
      width={760}
      onClose={onClose}
      onSubmit={async (texts) => {
        const file = await call('appeals.answerLetter', input(texts))
        downloadBase64(file.base64, file.fileName)
      }}
    >
      <Form.Item label={t('answers.letter.language')}>
        <Segmented<LetterLanguage>
          value={lang}
          onChange={setLang}
          options={[
            { value: 'kk', label: t('language.kk') },
            { value: 'ru', label: t('language.ru') },
          ]}
          data-testid="letter-language"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('answers.letter.hint')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{draft.officeName}</Typography.Text>
        {draft.officeAddress && <Typography.Text type="secondary"> · {draft.officeAddress}</Typography.Text>}
        <br />
        {draft.outgoingNumber && draft.outgoingOn
          ? `${t('answers.letter.outgoing')}: № ${draft.outgoingNumber}, ${formatDate(draft.outgoingOn)}`
          : t('answers.letter.outgoingMissing')}
      </Typography.Paragraph>
      {text('addressee', 1)}
      {text('address', 1)}
      {text('decision', 2)}
      {text('reasons', 4)}
      {text('appealRoute', 3)}
      {text('signatoryPosition', 1)}
      {text('signatory', 1)}
      <Button onClick={() => void print()} loading={printing} data-testid="letter-print">
        {t('answers.letter.print')}
      </Button>
    </FormModal>
  )
}
