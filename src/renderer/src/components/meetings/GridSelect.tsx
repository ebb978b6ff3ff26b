import { useState, type Ref } from 'react'
import { Select, type RefSelectProps } from 'antd'

interface GridSelectProps {
  ref: Ref<RefSelectProps>
  value: number | null
  onChange: (value: number) => void
  options: { value: number; label: string }[]
  'aria-label': string
  'aria-invalid': true | undefined
  status: 'error' | undefined
}

/**
 * A searchable list for a grid cell: type a few letters, Enter picks. Its open state is kept
 * here so that it closes the moment a choice is made: antd closes its list one task later,
 * and Chrome runs a fast typist's next key (Tab to the next cell, Enter to the next row)
 * before that task — the list, still open, would swallow it.
 */
export function GridSelect({ ref, value, onChange, options, ...aria }: GridSelectProps) {
  const [open, setOpen] = useState(false)
  return (
    <Select<number>
      {...aria}
      ref={ref}
      open={open}
      onOpenChange={setOpen}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(next) => {
        setOpen(false)
        onChange(next)
      }}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={options}
    />
  )
}
