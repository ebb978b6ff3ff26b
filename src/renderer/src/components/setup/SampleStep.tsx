import { useState } from 'react'
import { Alert, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useDatabaseEmpty } from '../../hooks/useDatabaseEmpty'
import { LoadSampleDataButton } from '../reports/LoadSampleDataButton'
import { WizardButtons, type StepProps } from './WizardButtons'

/**
 * Step 4: the sample district, offered as something to try the program with, never loaded
 * without being asked for. It says what it does to what was entered in step 1, and a backup of
 * the office as it stands is made before loading: restoring that backup is how the sample goes
 * away (records are never deleted one by one, the history keeps each). The core refuses the
 * sample once the register holds an appeal.
 */
export function SampleStep({ pass, back }: StepProps) {
  const { t } = useTranslation()
  const empty = useDatabaseEmpty()
  const [backupFile, setBackupFile] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)

  return (
    <Flex vertical gap={12} data-testid="setup-sample">
      <Alert
        type="warning"
        showIcon
        title={t('setupWizard.sample.hint')}
        description={
          <>
            <Typography.Paragraph style={{ margin: '8px 0' }}>{t('setupWizard.sample.mixes')}</Typography.Paragraph>
            <Typography.Paragraph style={{ margin: 0 }}>{t('setupWizard.sample.removal')}</Typography.Paragraph>
          </>
        }
      />
      {empty === false && !loaded ? (
        <Alert type="info" showIcon title={t('setupWizard.sample.notEmpty')} />
      ) : (
        empty && (
          <LoadSampleDataButton
            beforeLoad={async () => setBackupFile((await call('backup.create', {})).file)}
            onLoaded={() => setLoaded(true)}
          />
        )
      )}
      {backupFile && (
        <Typography.Text type="secondary" data-testid="setup-sample-backup">
          {t('setupWizard.sample.backupMade', { file: backupFile })}
        </Typography.Text>
      )}
      <WizardButtons
        onBack={back}
        onSkip={() => void pass('skipped')}
        onNext={() => void pass('saved')}
        last
        nextDisabled={!loaded}
        focusSkip
        keysHint={false}
      />
    </Flex>
  )
}
