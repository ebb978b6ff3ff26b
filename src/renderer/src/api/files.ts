/**
 * Files across the API. Both doors carry JSON, so a file travels base64-encoded: a file the
 * user chooses goes in with `fileToBase64`, a file the core writes (report, receipt) comes back
 * and is handed over with `downloadBase64`.
 */

const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

/** A file chosen by the user, base64-encoded. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  // in slices: String.fromCharCode takes a bounded number of arguments (a spread of a large array overflows the stack)
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A file the core produced, as a Blob typed by its name's extension (a PDF opens in a viewer). */
export function base64Blob(base64: string, fileName: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return new Blob([bytes], { type: MIME_TYPES[extension] ?? 'application/octet-stream' })
}

/**
 * Hands a file the core produced to the user as a download. The same anchor works in both
 * doors: a browser saves it to its downloads folder, and Electron opens the system "Save as"
 * dialog for it (main's will-download handler).
 */
export function downloadBase64(base64: string, fileName: string): void {
  const url = URL.createObjectURL(base64Blob(base64, fileName))

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
