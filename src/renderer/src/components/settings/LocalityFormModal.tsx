import { Form, Input, Radio, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locality } from '@shared/api/contract'
import { call } from '../../api/client'
import { useCatalogs } from '../../hooks/useCatalogs'
import { FormModal } from '../common/FormModal'

/** An existing locality to edit, or what a new one starts as (an okrug, or a settlement of one). */
export type LocalityDraft = Locality | Pick<Locality, 'kind' | 'parentId'>

interface Values {
  kind: Locality['kind']
  parentId: number | null
  nameKk: string
  nameRu: string
  nameEn: string
  active: boolean
}

const isExisting = (draft: LocalityDraft): draft is Locality => 'id' in draft

/** Adds or edits an okrug or a settlement. A settlement needs its okrug (the API says so if missing). */
export function LocalityFormModal({
  draft,
  onClose,
  onSaved,
}: {
  draft: LocalityDraft
  onClose: () => void
  onSaved: () => Promise<void>
}) {
  const { t } = useTranslation()
  const { localities, localityName } = useCatalogs()
  const [form] = Form.useForm<Values>()
  const kind = Form.useWatch('kind', form) ?? draft.kind
  const existing = isExisting(draft) ? draft : null

  // Active okrugs, plus the current one if it was deactivated since (so the field is not blank).
  const okrugs = localities.filter(
    (l) => l.kind === 'okrug' && (l.active || l.id === draft.parentId) && l.id !== existing?.id,
  )

  const submit = async ({ kind, parentId, nameKk, nameRu, nameEn, active }: Values) => {
    const fields = { kind, parentId: kind === 'okrug' ? null : parentId, nameKk, nameRu, nameEn }
    if (existing) await call('localities.update', { id: existing.id, ...fields, active })
    else await call('localities.create', fields)
    await onSaved()
  }

  const title = existing
    ? t('settingsUi.localities.editTitle', { name: localityName(existing.id) })
    : t(draft.kind === 'okrug' ? 'settingsUi.localities.addOkrugTitle' : 'settingsUi.localities.addSettlementTitle')

  return (
    <FormModal<Values>
      title={title}
      form={form}
      initialValues={{
        kind: draft.kind,
        parentId: draft.parentId,
        nameKk: existing?.nameKk ?? '',
        nameRu: existing?.nameRu ?? '',
        nameEn: existing?.nameEn ?? '',
        active: existing?.active ?? true,
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('settingsUi.localities.kind')}>
        <Radio.Group
          options={(['okrug', 'settlement'] as const).map((value) => ({ value, label: t(`localityKind.${value}`) }))}
          optionType="button"
        />
      </Form.Item>
      {kind === 'settlement' && (
        <Form.Item name="parentId" label={t('settingsUi.localities.parent')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={okrugs.map((okrug) => ({ value: okrug.id, label: localityName(okrug.id) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="nameKk" label={t('settingsUi.localities.nameKk')}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="nameRu" label={t('settingsUi.localities.nameRu')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('settingsUi.localities.nameEn')} extra={t('settingsUi.localities.nameEnHint')}>
        <Input maxLength={200} />
      </Form.Item>
      {existing && (
        <Form.Item name="active" label={t('settingsUi.common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  )
}
