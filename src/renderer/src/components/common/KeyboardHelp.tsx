import { Button, Popover, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ctrlNReachesPage } from '../../lib/shortcuts'

/** The header's "Keyboard" button: the shortcuts that work across the program (README lists the same). */
export function KeyboardHelp() {
  const { t } = useTranslation()
  const newAppealKeys = ctrlNReachesPage() ? 'F2 · Alt+N · Ctrl+N' : 'F2 · Alt+N'
  const rows: [string, string][] = [
    [newAppealKeys, t('formsUi.shortcuts.newAppeal')],
    ['Ctrl+Enter', t('formsUi.shortcuts.save')],
    ['Enter', t('formsUi.shortcuts.enter')],
    ['Tab', t('formsUi.shortcuts.tab')],
    ['↓', t('formsUi.shortcuts.returning')],
    ['Esc', t('formsUi.shortcuts.escape')],
  ]
  const content = (
    <div data-testid="keyboard-help" style={{ maxWidth: 440 }}>
      <table>
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td style={{ paddingRight: 12, verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                <Typography.Text keyboard>{keys}</Typography.Text>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!ctrlNReachesPage() && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('formsUi.shortcuts.newAppealCtrlN')}
        </Typography.Paragraph>
      )}
    </div>
  )
  return (
    <Popover trigger="click" title={t('formsUi.shortcuts.title')} content={content} placement="bottomRight">
      <Button data-testid="keyboard-help-button" title={t('formsUi.newAppealHint')}>
        ⌨ {t('formsUi.shortcuts.button')}
      </Button>
    </Popover>
  )
}
