import { OfficeForm } from '../settings/OfficeForm'
import { WizardButtons, type StepProps } from './WizardButtons'

/** Step 1: the office and its head, with Settings' own form and its call (office.update). */
export function OfficeStep({ pass, back }: StepProps) {
  return (
    <OfficeForm
      focusFirstEmpty
      onSaved={() => void pass('saved')}
      actions={({ submit, saving, guard }) => (
        <WizardButtons
          onBack={back && (() => guard(back))}
          onSkip={() => guard(() => void pass('skipped'))}
          onNext={submit}
          saving={saving}
        />
      )}
    />
  )
}
