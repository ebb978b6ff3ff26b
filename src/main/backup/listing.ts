import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '@shared/api/contract'
import { parseBackupFileName } from './names'

/** The backups in a folder, by their names (other files are not ours), newest first. */
export function listBackups(backupsDir: string): BackupInfo[] {
  if (!existsSync(backupsDir)) return []
  return readdirSync(backupsDir)
    .flatMap((name) => {
      const parsed = parseBackupFileName(name)
      if (!parsed) return []
      const file = join(backupsDir, name)
      return [{ file, kind: parsed.kind, at: parsed.at, sizeBytes: statSync(file).size }]
    })
    .sort((a, b) => b.at.localeCompare(a.at))
}
