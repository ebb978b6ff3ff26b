const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

/**
 * Hands a file the core produced (base64, as both doors carry JSON) to the user as a
 * download. The same anchor works in both doors: a browser saves it to its downloads folder,
 * and Electron opens the system "Save as" dialog for it (main's will-download handler).
 */
export function downloadBase64(base64: string, fileName: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[extension] ?? 'application/octet-stream' }))

  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
  // The download reads the blob after click() returns; revoking at once can cut it off.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
