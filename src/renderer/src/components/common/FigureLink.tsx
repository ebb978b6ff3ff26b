import type { ReactNode } from 'react'
import { Typography } from 'antd'

/**
 * A dashboard figure's title as a link to the list it counts. Always an anchor with an href,
 * so Tab reaches it and Enter opens it like a click; `onOpen` (a list whose filters are stored
 * before it opens) runs instead of following the href.
 */
export function FigureLink({
  href,
  onOpen,
  children,
  testId,
  type,
}: {
  href: string
  onOpen?: () => void
  children: ReactNode
  testId?: string
  type?: 'danger' | 'secondary'
}) {
  return (
    <Typography.Link
      href={href}
      type={type}
      data-testid={testId}
      onClick={(event) => {
        if (!onOpen) return
        event.preventDefault()
        onOpen()
      }}
    >
      {children}
    </Typography.Link>
  )
}
