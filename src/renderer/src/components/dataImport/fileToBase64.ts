/** A chosen file as base64 (both doors carry JSON). Chunked: a spread of a large array overflows the stack. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** An id for following one commit's progress: unique enough within this window. */
export const newImportId = (): string => `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
