import { useState } from 'react'
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Tag, Typography, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locality } from '@shared/api/contract'
import { call } from '../../api/client'
import { refusedAt } from '../../api/formErrors'
import { useCatalogs } from '../../hooks/useCatalogs'
import { clearErrorsOnChange, saveOnCtrlEnter } from '../common/formHandlers'
import { useApiSubmit } from '../common/useApiSubmit'
import { useFormChanges, useGuardedAction, useUnsavedWork } from '../common/useUnsavedWork'
import { WizardButtons, type StepProps } from './WizardButtons'

interface NameRow {
  /** The locality this row shows or became; null until saved. */
  id: number | null
  nameKk: string
  nameRu: string
}
interface OkrugRow extends NameRow {
  settlements: NameRow[]
}
interface Values {
  okrugs: OkrugRow[]
}

const blankRow = (): NameRow => ({ id: null, nameKk: '', nameRu: '' })
const isBlank = (row: NameRow) => row.id === null && !row.nameKk.trim() && !row.nameRu.trim()

/** The active okrugs with their active settlements; a new office starts with one okrug and one village to fill. */
function rowsOf(localities: Locality[]): Values {
  const row = ({ id, nameKk, nameRu }: Locality): NameRow => ({ id, nameKk, nameRu })
  const okrugs = localities.filter((l) => l.kind === 'okrug' && l.active)
  if (okrugs.length === 0) return { okrugs: [{ ...blankRow(), settlements: [blankRow()] }] }
  return {
    okrugs: okrugs.map((okrug) => ({
      ...row(okrug),
      settlements: localities.filter((l) => l.kind === 'settlement' && l.active && l.parentId === okrug.id).map(row),
    })),
  }
}

/**
 * Step 2: okrugs and their settlements typed as rows, added or renamed; Next saves them with
 * the catalog's own calls (localities.create / update), an okrug before its settlements, and
 * each saved row keeps its id, so a refusal part-way saves nothing twice when Next is pressed
 * again. Deactivating stays in Settings.
 */
export function LocalitiesStep({ pass, back }: StepProps) {
  const { t } = useTranslation()
  const { localities, reload } = useCatalogs()
  const [form] = Form.useForm<Values>()
  /** The same store addressed by row paths (['okrugs', 0, 'id']), which its typed names do not cover. */
  const rows: FormInstance = form
  const [initialValues] = useState(() => rowsOf(localities))
  const { changedNow, rebase } = useFormChanges(form, initialValues)
  useUnsavedWork(changedNow)
  const guard = useGuardedAction(changedNow)

  const saveRow = async (path: (string | number)[], row: NameRow, parentId: number | null): Promise<number> => {
    const kind: Locality['kind'] = parentId === null ? 'okrug' : 'settlement'
    const fields = { kind, parentId, nameKk: row.nameKk, nameRu: row.nameRu }
    const before = localities.find((l) => l.id === row.id)
    if (!before) {
      const created = await refusedAt(path, () => call('localities.create', { ...fields, nameEn: '' }))
      rows.setFieldValue([...path, 'id'], created.id)
      return created.id
    }
    if (before.nameKk !== row.nameKk.trim() || before.nameRu !== row.nameRu.trim()) {
      await refusedAt(path, () =>
        call('localities.update', { id: before.id, ...fields, nameEn: before.nameEn ?? '', active: before.active }),
      )
    }
    return before.id
  }

  const { saving, generalError, submit } = useApiSubmit(form, async ({ okrugs }) => {
    try {
      for (const [i, okrug] of okrugs.entries()) {
        if (isBlank(okrug) && okrug.settlements.every(isBlank)) continue
        const okrugId = await saveRow(['okrugs', i], okrug, null)
        for (const [j, settlement] of okrug.settlements.entries()) {
          if (!isBlank(settlement)) await saveRow(['okrugs', i, 'settlements', j], settlement, okrugId)
        }
      }
    } finally {
      // what was saved before a refusal is in the catalogs, and compared against them next time
      await reload()
    }
    rebase()
    await pass('saved')
  })

  const names = (path: (string | number)[], autoFocus = false) => (
    <>
      <Col span={10}>
        <Form.Item name={[...path, 'nameKk']} style={{ marginBottom: 8 }}>
          <Input
            aria-label={t('settingsUi.localities.nameKk')}
            placeholder={t('settingsUi.localities.nameKk')}
            autoFocus={autoFocus}
            maxLength={200}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name={[...path, 'nameRu']} style={{ marginBottom: 8 }}>
          <Input
            aria-label={t('settingsUi.localities.nameRu')}
            placeholder={t('settingsUi.localities.nameRu')}
            maxLength={200}
          />
        </Form.Item>
      </Col>
    </>
  )
  /** A row's end: saved rows say so, new ones may be taken out again (deactivating is Settings' work). */
  const rowEnd = (path: (string | number)[], remove: (() => void) | null) => (
    <Form.Item noStyle shouldUpdate>
      {() =>
        rows.getFieldValue([...path, 'id']) !== null ? (
          <Tag color="green">{t('setupWizard.localities.saved')}</Tag>
        ) : (
          remove && (
            <Button type="text" aria-label={t('setupWizard.localities.remove')} onClick={remove}>
              ×
            </Button>
          )
        )
      }
    </Form.Item>
  )

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={clearErrorsOnChange(form)}
      onKeyDown={saveOnCtrlEnter(submit)}
      data-testid="setup-localities"
    >
      <Typography.Paragraph type="secondary">{t('setupWizard.localities.hint')}</Typography.Paragraph>
      {generalError && <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} />}
      <Form.List name="okrugs">
        {(okrugFields, { add: addOkrug, remove: removeOkrug }) => (
          <Flex vertical gap={12} style={{ marginTop: 8 }}>
            {okrugFields.map((okrugField) => {
              const okrugPath = ['okrugs', okrugField.name]
              return (
                <Card
                  key={okrugField.key}
                  size="small"
                  title={t('setupWizard.localities.okrug')}
                  extra={rowEnd(okrugPath, okrugFields.length > 1 ? () => removeOkrug(okrugField.name) : null)}
                >
                  <Row gutter={12}>{names([okrugField.name], okrugField.name === 0)}</Row>
                  <Typography.Text type="secondary">{t('setupWizard.localities.settlements')}</Typography.Text>
                  <Form.List name={[okrugField.name, 'settlements']}>
                    {(settlementFields, { add, remove }) => (
                      <div style={{ marginTop: 4 }}>
                        {settlementFields.map((field) => {
                          const path = [...okrugPath, 'settlements', field.name]
                          return (
                            <Row gutter={12} key={field.key} align="top">
                              {names([field.name])}
                              <Col span={4}>{rowEnd(path, () => remove(field.name))}</Col>
                            </Row>
                          )
                        })}
                        <Button
                          size="small"
                          onClick={() => {
                            add(blankRow())
                            setTimeout(() =>
                              form.focusField([...okrugPath, 'settlements', settlementFields.length, 'nameKk']),
                            )
                          }}
                        >
                          + {t('setupWizard.localities.addSettlement')}
                        </Button>
                      </div>
                    )}
                  </Form.List>
                </Card>
              )
            })}
            <div>
              <Button
                onClick={() => {
                  addOkrug({ ...blankRow(), settlements: [blankRow()] })
                  setTimeout(() => form.focusField(['okrugs', okrugFields.length, 'nameKk']))
                }}
              >
                + {t('setupWizard.localities.addOkrug')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <WizardButtons
        onBack={back && (() => guard(back))}
        onSkip={() => guard(() => void pass('skipped'))}
        onNext={submit}
        saving={saving}
      />
    </Form>
  )
}
