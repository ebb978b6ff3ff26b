import type { ReactNode } from 'react'
import { Card, Flex, Typography } from 'antd'

/** The screens before sign-in, with the language switch in the corner (Kazakh first, as always). */
export function AuthScreenFrame({ languageSwitch, children }: { languageSwitch: ReactNode; children: ReactNode }) {
  return (
    <div style={{ position: 'relative' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>{languageSwitch}</div>
      {children}
    </div>
  )
}
import { useTranslation } from 'react-i18next'

/** The frame of the screens before sign-in: the program's name and one card in the middle. */
export function AuthScreen({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '48px 16px', background: '#f5f7f8' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {t('app.title')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {t('app.subtitle')}
      </Typography.Text>
      <Card title={title} extra={extra} style={{ width: '100%', maxWidth: 520 }}>
        {children}
      </Card>
    </Flex>
  )
}
