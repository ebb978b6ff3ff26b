import { useState } from 'react'
import { App, Checkbox, Flex, Form, Radio, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiInput, ApplicantVariant } from '@shared/api/contract'
import { call } from '../../../api/client'
import { FormModal } from '../../common/FormModal'

/** The clerk's choice, by the variants' places in the list. */
interface Values {
  included: number[]
  nameFrom: number
  idNumberFrom: number
}

/**
 * Where the dialog starts: the appeal's own spelling kept, and ticked with it every spelling
 * that cannot be another person (the same IIN/BIN, or the same name without one); a spelling
 * under another IIN/BIN starts unticked, since that is most often a namesake.
 */
function startingValues(variants: ApplicantVariant[]): Values {
  const own = variants[0]!
  const included = variants
    .map((variant, index) => ({ variant, index }))
    .filter(
      ({ variant }) =>
        variant.match !== 'name' ||
        variant.idNumber === null ||
        own.idNumber === null ||
        variant.idNumber === own.idNumber,
    )
    .map(({ index }) => index)
  return { included, nameFrom: 0, idNumberFrom: idNumberDefault(variants, included, 0) }
}

/** The spelling whose IIN/BIN is kept: the kept name's own when it has one, else the first ticked one with one. */
function idNumberDefault(variants: ApplicantVariant[], included: number[], nameFrom: number): number {
  if (variants[nameFrom]?.idNumber) return nameFrom
  return included.find((index) => variants[index]!.idNumber !== null) ?? nameFrom
}

/** The merge request: every appeal of the ticked spellings at the version shown, and whose name and IIN/BIN are kept. */
function mergeRequest(variants: ApplicantVariant[], values: Values): ApiInput<'appeals.mergeApplicants'> {
  return {
    appeals: values.included.flatMap((index) =>
      variants[index]!.appeals.map((appeal) => ({ id: appeal.id, version: appeal.version })),
    ),
    nameFrom: variants[values.nameFrom]!.appeals[0]!.id,
    idNumberFrom: variants[values.idNumberFrom]!.appeals[0]!.id,
  }
}

/**
 * One person under several spellings: the clerk ticks the spellings that are this person,
 * chooses the name and the IIN/BIN to keep (arrow keys move within each choice, Ctrl+Enter
 * merges), and every appeal of the ticked spellings gets them. The core checks it all again.
 */
export function MergeApplicantsModal({
  variants,
  onClose,
  onMerged,
}: {
  variants: ApplicantVariant[]
  onClose: () => void
  onMerged: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Values> | undefined
  const [initialValues] = useState(() => startingValues(variants))
  // the watch is empty until the form's fields have mounted
  const values: Values = { ...initialValues, ...watched }
  const included = new Set(values.included)
  const kept = variants[values.nameFrom]
  const keptNumber = variants[values.idNumberFrom]?.idNumber ?? null
  const count = values.included.reduce((sum, index) => sum + variants[index]!.appeals.length, 0)

  return (
    <FormModal<Values>
      title={t('applicantMerge.ui.title')}
      okText={t('applicantMerge.ui.merge')}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (chosen) => {
        const { changed } = await call('appeals.mergeApplicants', mergeRequest(variants, chosen))
        void message.success(
          changed.length > 0
            ? t('applicantMerge.ui.merged', { count: changed.length })
            : t('applicantMerge.ui.nothing'),
        )
        onMerged()
      }}
    >
      <Typography.Paragraph type="secondary">{t('applicantMerge.ui.hint')}</Typography.Paragraph>
      <Form.Item name="included" label={t('applicantMerge.ui.include')}>
        <Checkbox.Group style={{ display: 'block' }}>
          <Flex vertical gap={6} data-testid="merge-variants">
            {variants.map((variant, index) => (
              <Checkbox key={index} value={index} disabled={index === 0} data-testid={`merge-variant-${index}`}>
                <strong>{variant.name}</strong>{' '}
                <Typography.Text type="secondary">
                  {t('applicantMerge.ui.idNumber')}: {variant.idNumber ?? t('applicantMerge.ui.noIdNumber')}
                </Typography.Text>{' '}
                <Tag>{t(`applicantMerge.ui.match.${variant.match}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('applicantMerge.ui.appeals')}:{' '}
                  {variant.appeals.map((appeal, at) => (
                    <span key={appeal.id}>
                      {at > 0 && ', '}
                      <a href={`#/appeals/${appeal.id}`} tabIndex={-1}>
                        {appeal.regNumber}
                      </a>
                    </span>
                  ))}
                </Typography.Text>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="nameFrom" label={t('applicantMerge.ui.keepName')}>
        <Radio.Group
          data-testid="merge-keep-name"
          onChange={(event) => {
            const nameFrom = event.target.value as number
            form.setFieldValue('idNumberFrom', idNumberDefault(variants, values.included, nameFrom))
          }}
          options={variants.map((variant, index) => ({
            value: index,
            label: variant.name,
            disabled: !included.has(index),
          }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      </Form.Item>
      <Form.Item name="idNumberFrom" label={t('applicantMerge.ui.keepIdNumber')}>
        <Radio.Group
          data-testid="merge-keep-id-number"
          options={variants.map((variant, index) => ({
            value: index,
            label: `${variant.idNumber ?? t('applicantMerge.ui.noIdNumber')} — ${variant.name}`,
            disabled: !included.has(index),
          }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      </Form.Item>
      {kept && (
        <Typography.Paragraph strong data-testid="merge-result">
          {t('applicantMerge.ui.result', {
            name: kept.name,
            idNumber: keptNumber ?? t('applicantMerge.ui.noIdNumber'),
            count,
          })}
        </Typography.Paragraph>
      )}
    </FormModal>
  )
}
