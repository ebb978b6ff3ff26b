import { useState, type ReactNode } from 'react'
import { Alert, Button, Descriptions, Flex, Form, Input, Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeskStatus, ServerProbe } from '@shared/api/desk'
import { ApiCallError, deskCall } from '../../api/client'
import { formatInstant } from '../../lib/format'
import { AuthScreen, AuthScreenFrame } from '../auth/AuthScreen'
import { useApiForm } from '../auth/useApiForm'

type Way = 'local' | 'server'

/**
 * The desktop app's first start: this PC alone, or a desk of the office server. For the server,
 * the address, then the fingerprint of the certificate it presents, to be compared with the one
 * the server printed (trust on first use): only "the same: connect" keeps it, and from then on
 * the desk accepts that certificate and no other.
 */
export function DeskChoicePage({
  languageSwitch,
  onChosen,
}: {
  languageSwitch: ReactNode
  onChosen: (status: DeskStatus) => void
}) {
  const { t } = useTranslation()
  const [way, setWay] = useState<Way>('server')
  const [probe, setProbe] = useState<ServerProbe | null>(null)
  const { form, busy, error, submit } = useApiForm<{ address: string }>()

  const look = () => void submit(async ({ address }) => setProbe(await deskCall<ServerProbe>('probe', { address })))
  const connect = (seen: ServerProbe) =>
    void submit(async () =>
      onChosen(
        await deskCall<DeskStatus>('connect', { address: seen.address, fingerprint256: seen.fingerprint256 }).catch(
          (caught: unknown) => Promise.reject(aboveTheButtons(caught)),
        ),
      ),
    )
  const chooseLocal = () => void submit(async () => onChosen(await deskCall<DeskStatus>('chooseLocal', {})))

  return (
    <AuthScreenFrame languageSwitch={languageSwitch}>
      <AuthScreen title={t('desk.choice.title')}>
        <Form form={form} layout="vertical" initialValues={{ address: '' }} data-testid="desk-choice">
          {probe ? (
            <Fingerprint probe={probe} />
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('desk.choice.intro')}</Typography.Paragraph>
              <Radio.Group
                value={way}
                onChange={(event) => setWay(event.target.value as Way)}
                style={{ width: '100%', marginBottom: 16 }}
              >
                <Space direction="vertical" size="middle">
                  <Radio value="server" data-testid="desk-way-server">
                    <Typography.Text strong>{t('desk.choice.server')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('desk.choice.serverHint')}</Typography.Text>
                  </Radio>
                  <Radio value="local" data-testid="desk-way-local">
                    <Typography.Text strong>{t('desk.choice.local')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{t('desk.choice.localHint')}</Typography.Text>
                  </Radio>
                </Space>
              </Radio.Group>
              {way === 'server' && (
                <Form.Item name="address" label={t('desk.choice.address')} extra={t('desk.choice.addressHint')}>
                  <Input autoFocus placeholder="https://akimat-server:4780/" onPressEnter={look} />
                </Form.Item>
              )}
            </>
          )}
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          {probe ? (
            <Flex gap={8} justify="space-between">
              <Button onClick={() => setProbe(null)} disabled={busy}>
                {t('desk.choice.back')}
              </Button>
              <Button type="primary" loading={busy} onClick={() => connect(probe)} data-testid="desk-trust">
                {t('desk.choice.trust')}
              </Button>
            </Flex>
          ) : way === 'server' ? (
            <Button type="primary" block loading={busy} onClick={look} data-testid="desk-look">
              {t('desk.choice.look')}
            </Button>
          ) : (
            <Button type="primary" block loading={busy} onClick={chooseLocal} data-testid="desk-local">
              {t('desk.choice.confirmLocal')}
            </Button>
          )}
        </Form>
      </AuthScreen>
    </AuthScreenFrame>
  )
}

/** The fingerprint view has no field to put a refusal under: all of it is said above the buttons. */
function aboveTheButtons(caught: unknown): unknown {
  if (!(caught instanceof ApiCallError)) return caught
  return new ApiCallError({ ...caught.error, issues: caught.error.issues.map((issue) => ({ ...issue, path: [] })) })
}

/** The fingerprint in groups of four pairs, large enough to compare pair by pair with the printed one. */
function Fingerprint({ probe }: { probe: ServerProbe }) {
  const { t } = useTranslation()
  const pairs = probe.fingerprint256.split(':')
  const lines = [0, 8, 16, 24].map((start) => pairs.slice(start, start + 8).join(':'))
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', marginBottom: 16 }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('desk.choice.fingerprintTitle')}
      </Typography.Title>
      <Flex align="center" gap={8}>
        <div
          data-testid="desk-fingerprint"
          style={{
            fontFamily: 'ui-monospace, Consolas, "DejaVu Sans Mono", monospace',
            fontSize: 15,
            lineHeight: 1.7,
            padding: '6px 12px',
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            background: '#fafafa',
          }}
        >
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
        <Typography.Text copyable={{ text: probe.fingerprint256 }} />
      </Flex>
      <Alert type="warning" showIcon title={t('desk.choice.fingerprintCompare')} />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('desk.choice.address')}>{probe.address}</Descriptions.Item>
        <Descriptions.Item label={t('desk.choice.names')}>{probe.names.join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('desk.choice.validTo')}>{formatInstant(probe.validTo)}</Descriptions.Item>
        <Descriptions.Item label={t('desk.choice.version')}>{probe.version}</Descriptions.Item>
      </Descriptions>
    </Space>
  )
}
