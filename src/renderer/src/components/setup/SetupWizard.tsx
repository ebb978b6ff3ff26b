import { useState } from 'react'
import { App, Card, Flex, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { SETUP_STEPS, type SetupStep, type SetupWizardState } from '@shared/api/areas/setup'
import { call } from '../../api/client'
import { showApiError } from '../../api/formErrors'
import { firstStepToShow, stepAfter, stepBefore } from '../../lib/setupSteps'
import { LocalitiesStep } from './LocalitiesStep'
import { OfficeStep } from './OfficeStep'
import { SampleStep } from './SampleStep'
import { StaffStep } from './StaffStep'
import type { StepProps } from './WizardButtons'

const STEP_PAGES: Record<SetupStep, (props: StepProps) => React.JSX.Element> = {
  office: OfficeStep,
  localities: LocalitiesStep,
  staff: StaffStep,
  sample: SampleStep,
}

/**
 * The first-start wizard: four steps, each saved by the catalogs' own calls when Next is
 * pressed and then recorded as passed (setup.markStep), so a wizard closed half-way opens again
 * on the first step not yet passed. Passing the last step finishes it (`onFinished`).
 */
export function SetupWizard({
  state,
  onFinished,
}: {
  state: SetupWizardState
  onFinished: (state: SetupWizardState) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [step, setStep] = useState<SetupStep>(() => firstStepToShow(state))
  const index = SETUP_STEPS.indexOf(step)
  const before = stepBefore(step)

  const pass = async (outcome: 'saved' | 'skipped') => {
    try {
      const next = await call('setup.markStep', { step, outcome })
      const after = stepAfter(step)
      if (after) setStep(after)
      else onFinished(next)
    } catch (error) {
      void message.error(showApiError(error, t))
    }
  }
  const Step = STEP_PAGES[step]

  return (
    <Flex vertical style={{ height: '100%' }} data-testid="setup-wizard">
      <div style={{ padding: '12px 24px 0' }}>
        <Steps
          size="small"
          current={index}
          items={SETUP_STEPS.map((key) => ({ title: t(`setupWizard.steps.${key}`) }))}
        />
      </div>
      {/* The step scrolls; its buttons stay at the bottom of the view (WizardButtons). */}
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: '12px 24px 0' }}>
        <Card
          size="small"
          title={
            <span data-testid="setup-step-title">
              {t('setupWizard.stepOf', { number: index + 1, total: SETUP_STEPS.length })}:{' '}
              {t(`setupWizard.steps.${step}`)}
            </span>
          }
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('setupWizard.intro')}
            </Typography.Text>
          }
          styles={{ body: { paddingBottom: 0 } }}
        >
          <Step key={step} pass={pass} back={before && (() => setStep(before))} />
        </Card>
      </div>
    </Flex>
  )
}
