import { useEffect, useState } from 'react'
import { call } from '../api/client'

/**
 * Whether the register holds no appeal yet (null while asking): then the dashboard shows the
 * first-run screen and the Reports page offers the sample district instead of empty tables.
 * Asked once: after sample data is loaded the offer stays, showing what was loaded.
 */
export function useDatabaseEmpty(): boolean | null {
  const [empty, setEmpty] = useState<boolean | null>(null)
  useEffect(() => {
    call('appeals.list', { limit: 1 }).then(
      (page) => setEmpty(page.total === 0),
      () => setEmpty(false),
    )
  }, [])
  return empty
}
