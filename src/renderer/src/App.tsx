import { useCallback, useEffect, useState } from 'react'
import { App as AntApp, ConfigProvider, Layout, Menu, Result, Segmented, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/i18n'
import { call, hasTransport } from './api/client'
import { ANTD_LOCALES, applyLanguage } from './i18n'
import { CatalogProvider } from './hooks/useCatalogs'
import { OperatorControl } from './components/settings/OperatorControl'
import { PAGES, pageFromHash, type PageKey } from './pages'

export function App() {
  const { t } = useTranslation()
  const [language, setLanguage] = useState<Language | null>(null)
  const [page, setPage] = useState<PageKey>(pageFromHash(window.location.hash))
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!hasTransport()) return
    call('preferences.get', {})
      .then((prefs) => {
        applyLanguage(prefs.language)
        setLanguage(prefs.language)
      })
      .catch(() => setFailed(true))
  }, [])

  useEffect(() => {
    const onHash = () => setPage(pageFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const changeLanguage = useCallback((next: Language) => {
    applyLanguage(next)
    setLanguage(next)
    void call('preferences.update', { language: next })
  }, [])

  if (!hasTransport()) return <Result status="warning" title={t('app.title')} subTitle={t('app.noToken')} />
  if (failed) return <Result status="error" title={t('errors.network')} />
  if (!language) return <Spin fullscreen tip={t('app.loading')} />

  const Page = PAGES[page].component
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={{ token: { colorPrimary: '#0b6e8a' } }}>
      <AntApp>
        {/* Above the layout: the header's operator choice reads the staff catalog too. */}
        <CatalogProvider>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Sider width={232} theme="light" breakpoint="lg" collapsedWidth={0}>
              <div style={{ padding: '16px 20px' }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('app.title')}
                </Typography.Title>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('app.subtitle')}
                </Typography.Text>
              </div>
              <Menu
                mode="inline"
                selectedKeys={[page]}
                items={Object.entries(PAGES).map(([key, { icon }]) => ({ key, icon, label: t(`nav.${key}`) }))}
                onClick={({ key }) => {
                  window.location.hash = `#/${key}`
                }}
              />
            </Layout.Sider>
            <Layout>
              <Layout.Header
                style={{
                  background: '#fff',
                  display: 'flex',
                  justifyContent: 'space-between',
                  alignItems: 'center',
                  paddingInline: 24,
                }}
              >
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {t(`nav.${page}`)}
                </Typography.Title>
                <Space size="large">
                  <OperatorControl />
                  <Segmented<Language>
                    aria-label={t('language.label')}
                    data-testid="language-switch"
                    value={language}
                    onChange={changeLanguage}
                    options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
                  />
                </Space>
              </Layout.Header>
              <Layout.Content style={{ padding: 24 }}>
                <Page />
              </Layout.Content>
            </Layout>
          </Layout>
        </CatalogProvider>
      </AntApp>
    </ConfigProvider>
  )
}
