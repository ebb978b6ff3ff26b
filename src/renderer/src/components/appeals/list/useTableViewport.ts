import { useEffect, useLayoutEffect, useState, type RefObject } from 'react'

/** Space kept under the table: the page's bottom padding. */
const BOTTOM_GAP = 24
const MIN_HEIGHT = 240

/**
 * The width of the element and the height left for it down to the bottom of the window. A
 * virtual table needs both in pixels: the row window is computed from them.
 */
export function useTableViewport(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: MIN_HEIGHT })

  const measure = () => {
    const element = ref.current
    if (!element) return
    const box = element.getBoundingClientRect()
    const next = {
      width: Math.floor(box.width),
      height: Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - box.top - BOTTOM_GAP)),
    }
    setSize((before) => (before.width === next.width && before.height === next.height ? before : next))
  }

  // Every render: the filter bar above may have wrapped onto another line.
  useLayoutEffect(measure)

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
    // measure reads the ref only: one observer per element is enough.
  }, [ref])

  return size
}
