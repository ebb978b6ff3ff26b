import { useRef, useState } from 'react'
import { DatePicker, type DatePickerProps } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { DATE_FORMAT } from '../../lib/format'
import { whyDateRefused, type DateRefusal } from '../../lib/typedDate'

/**
 * antd's date picker, saying why a typed date was not taken (the format, no such day, outside
 * the allowed days) under the field when the clerk leaves it or presses Enter, where the
 * picker alone silently puts the old value back. The reason is kept as a key, so it follows a
 * language switch.
 */
export function DateField(props: DatePickerProps) {
  const { t } = useTranslation()
  const format = typeof props.format === 'string' ? props.format : DATE_FORMAT
  const typed = useRef('')
  const [refused, setRefused] = useState<{ reason: DateRefusal; text: string } | null>(null)

  const check = () => {
    const text = typed.current
    const reason = whyDateRefused(text, format, (date) => props.disabledDate?.(date, { type: 'date' }) ?? false)
    setRefused(reason ? { reason, text } : null)
  }

  return (
    <div
      onInput={(event) => {
        typed.current = (event.target as HTMLInputElement).value
        setRefused(null)
      }}
      onKeyDown={(event) => event.key === 'Enter' && check()}
      onBlur={() => {
        check()
        typed.current = ''
      }}
    >
      <DatePicker
        {...props}
        status={refused ? 'error' : props.status}
        onChange={(...args) => {
          // taken: what was typed is the value now
          typed.current = ''
          setRefused(null)
          props.onChange?.(...args)
        }}
      />
      {refused && (
        <div role="alert" className="ant-form-item-explain-error" data-testid="date-refused">
          {t(`formsUi.date.${refused.reason}`, { text: refused.text, example: dayjs().format(format) })}
        </div>
      )}
    </div>
  )
}
