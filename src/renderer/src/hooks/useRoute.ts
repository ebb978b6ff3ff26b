import { useEffect, useState } from 'react'

/**
 * The address inside the app, from the URL fragment: '#/appeals/42' → ['appeals', '42'].
 * Hash routing needs no server support, so the same build works from file:// (Electron) and
 * from the local web server.
 */
export function parseRoute(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return route
}

export function navigate(...segments: (string | number)[]): void {
  window.location.hash = `#/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`
}
