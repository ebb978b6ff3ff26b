import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { App as AntApp, ConfigProvider, Layout, Menu, Result, Segmented, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@shared/i18n'
import type { RecoveryStatus } from '@shared/api/contract'
import type { DeskStatus } from '@shared/api/desk'
import { call, deskCall, hasTransport } from './api/client'
import { isUnreachable, onceServerAnswers, useConnectionProblem } from './api/serverConnection'
import { DeskChoicePage } from './components/desk/DeskChoicePage'
import { ServerConnectionBanner } from './components/desk/ServerConnectionBanner'
import { ANTD_LOCALES, applyLanguage } from './i18n'
import { CatalogProvider } from './hooks/useCatalogs'
import { PAGES, pageFromHash, type PageKey } from './pages'
import { AuthGate } from './components/auth/AuthGate'
import { useAuth, useCan } from './components/auth/AuthContext'
import { KeyboardHelp } from './components/common/KeyboardHelp'
import { UnsavedWorkGuard } from './components/common/useUnsavedWork'
import { useNewAppealShortcut } from './hooks/useNewAppealShortcut'
import { useReducedMotion } from './hooks/useReducedMotion'
import { UserMenu } from './components/auth/UserMenu'
import { RecoveryPage } from './components/recovery/RecoveryPage'
import { SetupWizard } from './components/setup/SetupWizard'
import { useSetupWizard } from './components/setup/useSetupWizard'

export function App() {
  const { t } = useTranslation()
  const [language, setLanguage] = useState<Language | null>(null)
  const [page, setPage] = useState<PageKey>(pageFromHash(window.location.hash))
  const [failed, setFailed] = useState(false)
  // The database would not open: the recovery page until one of its actions brings it up.
  const [recovery, setRecovery] = useState<RecoveryStatus | null>(null)
  // The desktop's first start: how this computer works is not chosen yet (DeskChoicePage).
  const [choosing, setChoosing] = useState(false)
  const reducedMotion = useReducedMotion()
  const connectionProblem = useConnectionProblem()

  /** A failed start: while the office server does not answer, the banner retries and the start follows. */
  const startFailed = useCallback((error: unknown, again: () => void) => {
    if (isUnreachable(error)) onceServerAnswers(again)
    else setFailed(true)
  }, [])

  const loadLanguage = useCallback(() => {
    call('preferences.get', {})
      .then((prefs) => {
        applyLanguage(prefs.language)
        setLanguage(prefs.language)
      })
      .catch((error: unknown) => startFailed(error, loadLanguage))
  }, [startFailed])

  const openCore = useCallback(() => {
    call('recovery.status', {})
      .then((status) => {
        if (!status.active) return loadLanguage()
        // The user's language is in the file that did not open: Kazakh, with the switch.
        applyLanguage(DEFAULT_LANGUAGE)
        setLanguage(DEFAULT_LANGUAGE)
        setRecovery(status)
      })
      .catch((error: unknown) => startFailed(error, openCore))
  }, [loadLanguage, startFailed])

  useEffect(() => {
    if (!hasTransport()) return
    // Only the desktop app (or web mode started as a desk) answers; elsewhere there is nothing to choose.
    deskCall<DeskStatus>('status', {}).then(
      (desk) => {
        if (desk.mode !== 'unset') return openCore()
        applyLanguage(DEFAULT_LANGUAGE)
        setLanguage(DEFAULT_LANGUAGE)
        setChoosing(true)
      },
      () => openCore(),
    )
  }, [openCore])

  const chosen = useCallback(() => {
    setChoosing(false)
    setLanguage(null)
    openCore()
  }, [openCore])

  const recovered = useCallback(
    (status: RecoveryStatus) => {
      if (status.active) return setRecovery(status)
      // The page stays mounted (its toast names where the damaged file went) while the restored
      // database's language loads.
      setRecovery(null)
      loadLanguage()
    },
    [loadLanguage],
  )

  useEffect(() => {
    const onHash = () => setPage(pageFromHash(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const changeLanguage = useCallback(
    (next: Language) => {
      applyLanguage(next)
      setLanguage(next)
      // Before sign-in the choice holds for this page only (preferences are saved by a signed-in
      // user); in recovery mode there is no database to keep it in.
      if (!recovery) void call('preferences.update', { language: next }).catch(() => undefined)
    },
    [recovery],
  )

  if (!hasTransport()) return <Result status="warning" title={t('app.title')} subTitle={t('app.noToken')} />
  if (failed) return <Result status="error" title={t('errors.network')} />
  if (!language)
    return (
      <AntApp>
        <ServerConnectionBanner />
        {/* While the office server does not answer, the banner says so, not a spinner over it. */}
        {!connectionProblem && <Spin fullscreen tip={t('app.loading')} />}
      </AntApp>
    )

  const languageSwitch = (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={changeLanguage}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
    />
  )
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[language]}
      theme={{ token: { colorPrimary: '#0b6e8a', motion: !reducedMotion } }}
      // the ripple a click leaves on a button is motion too
      wave={{ disabled: reducedMotion }}
    >
      <AntApp>
        <ServerConnectionBanner />
        {choosing ? (
          <DeskChoicePage languageSwitch={languageSwitch} onChosen={chosen} />
        ) : recovery ? (
          <RecoveryPage status={recovery} languageSwitch={languageSwitch} onRecovered={recovered} />
        ) : (
          <AuthGate languageSwitch={languageSwitch}>
            <CatalogProvider>
              <Shell page={page} languageSwitch={languageSwitch} />
            </CatalogProvider>
          </AuthGate>
        )}
      </AntApp>
    </ConfigProvider>
  )
}

/**
 * The signed-in program: the menu (only what the role may use), the header, the page; the
 * new-appeal shortcut, and the question before a page with unsaved work is left. An
 * administrator of a new office gets the first-start wizard in place of the menu and the page
 * until it is finished (useSetupWizard).
 */
function Shell({ page, languageSwitch }: { page: PageKey; languageSwitch: ReactNode }) {
  const { t } = useTranslation()
  const { can, mayCall } = useCan()
  const { locked } = useAuth()
  useNewAppealShortcut(mayCall('appeals.create') && !locked)
  const setup = useSetupWizard(mayCall('setup.state'))
  const visible = (Object.keys(PAGES) as PageKey[]).filter((key) => can(PAGES[key].permission))
  const shown = visible.includes(page) ? page : visible[0]!
  const Page = PAGES[shown].component
  if (setup.waiting) return <Spin fullscreen tip={t('app.loading')} />
  if (setup.shown) {
    return (
      // The whole window (the body's default margin aside): the wizard's buttons stay on screen.
      <Layout style={{ position: 'fixed', inset: 0 }}>
        <UnsavedWorkGuard />
        <ShellHeader title={t('setupWizard.title')} languageSwitch={languageSwitch} />
        <Layout.Content style={{ minHeight: 0 }}>
          <SetupWizard state={setup.shown} onFinished={setup.finished} />
        </Layout.Content>
      </Layout>
    )
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <UnsavedWorkGuard />
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
          selectedKeys={[shown]}
          items={visible.map((key) => ({ key, icon: PAGES[key].icon, label: t(`nav.${key}`) }))}
          onClick={({ key }) => {
            window.location.hash = `#/${key}`
          }}
        />
      </Layout.Sider>
      <Layout>
        <ShellHeader title={t(`nav.${shown}`)} languageSwitch={languageSwitch} />
        <Layout.Content style={{ padding: 24 }}>
          <Page />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

/** The header over a page or the wizard: its title, the keyboard help, the user's menu and the language. */
function ShellHeader({ title, languageSwitch }: { title: string; languageSwitch: ReactNode }) {
  return (
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
        {title}
      </Typography.Title>
      <Space size="large">
        <KeyboardHelp />
        <UserMenu />
        {languageSwitch}
      </Space>
    </Layout.Header>
  )
}
