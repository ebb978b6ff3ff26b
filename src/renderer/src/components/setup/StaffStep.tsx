import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Col, Flex, Form, Input, Row, Select, Typography, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserAccount } from '@shared/api/contract'
import { ROLES, type Role } from '@shared/auth/roles'
import { call } from '../../api/client'
import { refusedAt } from '../../api/formErrors'
import { useCatalogs } from '../../hooks/useCatalogs'
import { clearErrorsOnChange, saveOnCtrlEnter } from '../common/formHandlers'
import { useApiSubmit } from '../common/useApiSubmit'
import { useFormChanges, useGuardedAction, useUnsavedWork } from '../common/useUnsavedWork'
import { WizardButtons, type StepProps } from './WizardButtons'

/** A person who does not sign in: on the staff list only (an executor, say). */
const NO_SIGN_IN = 'none'

interface PersonRow {
  fullName: string
  position: string
  positionRu: string
  role: Role | typeof NO_SIGN_IN
  username: string
  password: string
  /** Set once the person is on the staff list, so a refused sign-in does not add them twice. */
  staffId: number | null
  /** The row went through whole (staff and sign-in): a later row's refusal does not send it again. */
  done: boolean
}
interface Values {
  people: PersonRow[]
}

const blankPerson = (): PersonRow => ({
  fullName: '',
  position: '',
  positionRu: '',
  role: 'clerk',
  username: '',
  password: '',
  staffId: null,
  done: false,
})
const isBlank = (row: PersonRow) =>
  row.staffId === null &&
  ![row.fullName, row.position, row.positionRu, row.username, row.password].some((v) => v.trim())
const START: Values = { people: [blankPerson()] }

/** Column widths of a row (of 24): name, position kk, position ru, role, username, password, remove. */
const SPANS = [4, 4, 4, 4, 3, 4, 1] as const

/**
 * Step 3: staff and their sign-ins as rows. Next puts each person on the staff list (staff.create)
 * and, unless "no sign-in", gives them an account with the administrator's own call
 * (users.create: a username and a first password the person is told; at their first sign-in
 * the page asks them to choose their own). People already on the list are shown above, with
 * their sign-in.
 */
export function StaffStep({ pass, back }: StepProps) {
  const { t } = useTranslation()
  const { staff, reload } = useCatalogs()
  const [accounts, setAccounts] = useState<UserAccount[]>([])
  const [form] = Form.useForm<Values>()
  /** The same store addressed by row paths (['people', 0, 'staffId']), which its typed names do not cover. */
  const rows: FormInstance = form
  const { changedNow, rebase } = useFormChanges(form, START)
  useUnsavedWork(changedNow)
  const guard = useGuardedAction(changedNow)
  const people = Form.useWatch('people', form) ?? START.people

  const loadAccounts = useCallback(() => call('users.list', {}).then(setAccounts), [])
  useEffect(() => void loadAccounts().catch(() => undefined), [loadAccounts])

  const { saving, generalError, submit } = useApiSubmit(form, async (values) => {
    try {
      for (const [i, person] of values.people.entries()) {
        if (person.done || isBlank(person)) continue
        const row = ['people', i]
        let staffId = person.staffId
        if (staffId === null) {
          const { fullName, position, positionRu } = person
          const member = await refusedAt(row, () =>
            call('staff.create', { fullName, position, positionRu, department: '', isExecutor: true }),
          )
          staffId = member.id
          rows.setFieldValue([...row, 'staffId'], staffId)
        }
        if (person.role !== NO_SIGN_IN) {
          const { username, fullName, role, password } = person
          await refusedAt(row, () =>
            call('users.create', { username, fullName, role, staffId, password, firstPassword: true }),
          )
        }
        rows.setFieldValue([...row, 'done'], true)
      }
    } finally {
      await Promise.all([reload(), loadAccounts()])
    }
    form.setFieldsValue(START)
    rebase()
    await pass('saved')
  })

  const accountOf = (staffId: number) => accounts.find((account) => account.staffId === staffId && account.active)
  const active = staff.filter((member) => member.active)
  const titles = [
    t('setupWizard.staff.fullName'),
    t('setupWizard.staff.position'),
    t('setupWizard.staff.positionRu'),
    t('setupWizard.staff.role'),
    t('setupWizard.staff.username'),
    t('setupWizard.staff.password'),
  ]

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={START}
      onValuesChange={clearErrorsOnChange(form)}
      onKeyDown={saveOnCtrlEnter(submit)}
      data-testid="setup-staff"
    >
      <Typography.Paragraph type="secondary">{t('setupWizard.staff.hint')}</Typography.Paragraph>
      {active.length > 0 && (
        <div data-testid="setup-staff-existing" style={{ marginBottom: 12, maxHeight: 120, overflow: 'auto' }}>
          <Typography.Text strong>{t('setupWizard.staff.existing')}</Typography.Text>
          {active.map((member) => {
            const account = accountOf(member.id)
            return (
              <div key={member.id}>
                {member.fullName} · {member.position} ·{' '}
                <Typography.Text type="secondary">
                  {account
                    ? t('setupWizard.staff.signIn', { username: account.username, role: t(`roles.${account.role}`) })
                    : t('setupWizard.staff.noAccount')}
                </Typography.Text>
              </div>
            )
          })}
        </div>
      )}
      {generalError && <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} />}
      <Row gutter={8}>
        {titles.map((title, i) => (
          <Col key={title} span={SPANS[i]}>
            <Typography.Text strong>{title}</Typography.Text>
          </Col>
        ))}
      </Row>
      <Form.List name="people">
        {(fields, { add, remove }) => (
          <Flex vertical style={{ marginTop: 8 }}>
            {fields.map((field) => {
              const row = people[field.name]
              const done = row?.done ?? false
              const signsIn = row?.role !== NO_SIGN_IN
              return (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={SPANS[0]}>
                    <Form.Item name={[field.name, 'fullName']} style={{ marginBottom: 8 }}>
                      <Input
                        aria-label={titles[0]}
                        autoFocus={field.name === 0}
                        disabled={done || row?.staffId != null}
                        maxLength={200}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[1]}>
                    <Form.Item name={[field.name, 'position']} style={{ marginBottom: 8 }}>
                      <Input aria-label={titles[1]} disabled={done || row?.staffId != null} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[2]}>
                    <Form.Item name={[field.name, 'positionRu']} style={{ marginBottom: 8 }}>
                      <Input aria-label={titles[2]} disabled={done || row?.staffId != null} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[3]}>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                      <Select
                        aria-label={titles[3]}
                        disabled={done}
                        options={[
                          ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
                          { value: NO_SIGN_IN, label: t('setupWizard.staff.noSignIn') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[4]}>
                    <Form.Item name={[field.name, 'username']} style={{ marginBottom: 8 }}>
                      <Input aria-label={titles[4]} autoComplete="off" disabled={done || !signsIn} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[5]}>
                    <Form.Item name={[field.name, 'password']} style={{ marginBottom: 8 }}>
                      <Input.Password aria-label={titles[5]} autoComplete="new-password" disabled={done || !signsIn} />
                    </Form.Item>
                  </Col>
                  <Col span={SPANS[6]}>
                    {!done && row?.staffId == null && fields.length > 1 && (
                      <Button type="text" aria-label={t('setupWizard.staff.remove')} onClick={() => remove(field.name)}>
                        ×
                      </Button>
                    )}
                  </Col>
                </Row>
              )
            })}
            <div>
              <Button
                onClick={() => {
                  add(blankPerson())
                  setTimeout(() => form.focusField(['people', fields.length, 'fullName']))
                }}
              >
                + {t('setupWizard.staff.add')}
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
