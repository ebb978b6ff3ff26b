import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * The file a URL's path names inside `root`, for both doors that serve the built renderer (web
 * mode's static files, the desktop's app:// protocol). Null when the path carries a backslash,
 * a colon (a Windows drive or an NTFS stream) or a NUL, or resolves outside the folder; the
 * check is resolve + relative, not a prefix (a sibling folder "renderer-old" shares the prefix).
 * 'malformed' when the percent-encoding cannot be read.
 */
export function fileWithin(root: string, urlPath: string): string | null | 'malformed' {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 'malformed'
  }
  if (/[\\:\0]/.test(decoded)) return null
  const base = resolve(root)
  const inside = relative(base, resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`))
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return inside === '' ? base : join(base, inside)
}
