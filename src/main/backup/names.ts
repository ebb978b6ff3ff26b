import { join } from 'node:path'

/** Why a backup was made; part of its file name. */
export type BackupKind = 'auto' | 'manual' | 'pre-migration' | 'before-restore'

const PATTERN =
  /^akimat-(auto|manual|pre-migration|before-restore)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/

/** akimat-auto-2026-11-27T09-30-00Z.sqlite: the kind and the UTC time, sortable by name. */
export function backupFileName(kind: BackupKind, at: Date): string {
  return `akimat-${kind}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`
}

export function parseBackupFileName(name: string): { kind: BackupKind; at: string } | null {
  const m = PATTERN.exec(name)
  if (!m) return null
  return { kind: m[1] as BackupKind, at: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.000Z` }
}

/** The folder automatic backups go to, beside the database: <data folder>/backups. */
export const backupsDirOf = (dataDir: string): string => join(dataDir, 'backups')
