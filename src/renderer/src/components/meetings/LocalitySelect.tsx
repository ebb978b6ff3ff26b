import { TreeSelect } from 'antd'
import { useCatalogs } from '../../hooks/useCatalogs'

interface LocalitySelectProps {
  value?: number | null
  onChange?: (value: number | null) => void
  id?: string
}

/**
 * Chooses a rural okrug or one of its settlements, as a tree (okrug → settlements), searchable
 * by name. Deactivated places are left out unless already chosen. Fits in an antd Form.Item.
 */
export function LocalitySelect({ value, onChange, id }: LocalitySelectProps) {
  const { localities, localityName } = useCatalogs()
  const usable = localities.filter((l) => l.active || l.id === value)
  const node = (localityId: number) => ({ value: localityId, title: localityName(localityId) })
  const treeData = usable
    .filter((l) => l.kind === 'okrug')
    .map((okrug) => ({
      ...node(okrug.id),
      children: usable.filter((l) => l.kind === 'settlement' && l.parentId === okrug.id).map((s) => node(s.id)),
    }))

  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%' }}
    />
  )
}
