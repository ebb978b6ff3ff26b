import type { FormItemProps } from 'antd'

/** Form.Item props that show a parameter's message from the API under its field. */
export function fieldError(
  errors: Record<string, string>,
  name: string,
): Pick<FormItemProps, 'validateStatus' | 'help'> {
  const text = errors[name]
  return text ? { validateStatus: 'error', help: text } : {}
}
