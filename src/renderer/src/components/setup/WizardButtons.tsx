import { Button, Flex, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** What every step of the first-start wizard gets from the wizard. */
export interface StepProps {
  /** Leaves the step forward: `saved` after its work went through the core's calls, or `skipped`. */
  pass: (outcome: 'saved' | 'skipped') => Promise<void>
  /** Goes to the step before; null on the first step. */
  back: (() => void) | null
}

/**
 * The wizard's Back, Skip and Next (Finish on the last step), kept in view at the bottom of the
 * step however long its form grows, so at 1366×768 the buttons never scroll away.
 */
export function WizardButtons({
  onBack,
  onSkip,
  onNext,
  saving = false,
  last = false,
  nextDisabled = false,
  focusSkip = false,
  keysHint = true,
}: {
  onBack: (() => void) | null
  onSkip: () => void
  onNext: () => void
  saving?: boolean
  last?: boolean
  nextDisabled?: boolean
  /** The step has no field to start in: the keyboard starts on Skip, the harmless way on. */
  focusSkip?: boolean
  /** The step has a form, which Ctrl+Enter saves (the hint says so). */
  keysHint?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={16}
      data-testid="setup-buttons"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: '12px 0',
        marginTop: 8,
      }}
    >
      <Button onClick={onBack ?? undefined} disabled={!onBack}>
        ← {t('setupWizard.buttons.back')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {keysHint && t('setupWizard.keys')}
      </Typography.Text>
      <Space>
        <Button onClick={onSkip} autoFocus={focusSkip}>
          {t('setupWizard.buttons.skip')}
        </Button>
        <Button type="primary" onClick={onNext} loading={saving} disabled={nextDisabled}>
          {last ? t('setupWizard.buttons.finish') : `${t('setupWizard.buttons.next')} →`}
        </Button>
      </Space>
    </Flex>
  )
}
