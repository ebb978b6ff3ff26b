/**
 * Puts text on the clipboard. The Clipboard API first; when it is refused (the desktop window
 * grants no permissions, see main/electron/window.ts), the older copy command on a hidden
 * text area, which needs none. Resolves to false when neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    const copied = document.execCommand('copy')
    area.remove()
    return copied
  }
}
