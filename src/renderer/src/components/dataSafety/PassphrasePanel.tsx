import { useState } from 'react'
import { App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { formatInstant } from '../../lib/format'
import type { PassphraseState } from '@shared/api/contract'

interface Fields {
  current: string
  passphrase: string
  repeat: string
}

/**
 * The office passphrase in Settings → Data safety: set, changed (with the current one) or
 * cleared. The core keeps only a verifier; the text says what is encrypted and what is not.
 */
export function PassphrasePanel({ state, reload }: { state: PassphraseState | null; reload: () => Promise<void> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Fields>()
  const [busy, setBusy] = useState(false)

  const save = async (clear: boolean) => {
    const values = form.getFieldsValue(true) as Partial<Fields>
    if (!clear && values.passphrase !== values.repeat) {
      form.setFields([{ name: 'repeat', errors: [t('passphraseUi.mismatch')] }])
      return
    }
    setBusy(true)
    try {
      await call('backup.setPassphrase', {
        current: values.current || null,
        passphrase: clear ? null : (values.passphrase ?? ''),
      })
      void message.success(t(clear ? 'passphraseUi.cleared' : 'passphraseUi.saved'))
      form.resetFields()
      await reload()
    } catch (error) {
      const general = showApiError(error, t, form)
      if (general) void message.error(general)
    } finally {
      setBusy(false)
    }
  }

  if (!state) return null
  return (
    <Card title={t('passphraseUi.title')} data-testid="passphrase-panel">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('passphraseUi.hint')}</Typography.Text>
        <Typography.Text strong data-testid="passphrase-state">
          {state.set && state.setAt
            ? t('passphraseUi.stateSet', { at: formatInstant(state.setAt) })
            : t('passphraseUi.stateNone')}
        </Typography.Text>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 440 }}
          initialValues={{ current: '', passphrase: '', repeat: '' }}
        >
          {state.set && (
            <Form.Item name="current" label={t('passphraseUi.current')}>
              <Input.Password autoComplete="off" data-testid="passphrase-current" />
            </Form.Item>
          )}
          <Form.Item name="passphrase" label={t('passphraseUi.next')}>
            <Input.Password autoComplete="new-password" data-testid="passphrase-new" />
          </Form.Item>
          <Form.Item name="repeat" label={t('passphraseUi.repeat')}>
            <Input.Password autoComplete="new-password" data-testid="passphrase-repeat" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" loading={busy} onClick={() => void save(false)} data-testid="passphrase-save">
              {t(state.set ? 'passphraseUi.change' : 'passphraseUi.set')}
            </Button>
            {state.set && (
              <Button danger loading={busy} onClick={() => void save(true)} data-testid="passphrase-clear">
                {t('passphraseUi.clear')}
              </Button>
            )}
          </Flex>
        </Form>
      </Space>
    </Card>
  )
}
