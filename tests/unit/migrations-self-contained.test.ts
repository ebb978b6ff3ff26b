import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * A migration never changes once shipped, so it must not import the app's code, which does:
 * a migration and its own data folder import only TypeORM, Node's built-ins, the Migration
 * type, and files in a migration's data folder (000N-data/, frozen with that migration).
 */

const MIGRATIONS_DIR = resolve(__dirname, '../../src/main/db/migrations')
const DATA_FOLDER = /^\d{4}-data\//

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  )
}

/** Every module a file names in an import or export ... from, static or dynamic. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
}

function allowed(file: string, specifier: string): boolean {
  if (specifier === 'typeorm' || specifier.startsWith('node:')) return true
  if (!specifier.startsWith('.')) return false
  const target = relative(MIGRATIONS_DIR, resolve(dirname(file), specifier))
    .split('\\')
    .join('/')
  return target === 'types' || DATA_FOLDER.test(target)
}

const files = sourceFiles(MIGRATIONS_DIR)
  .map((file) => relative(MIGRATIONS_DIR, file).split('\\').join('/'))
  .filter((file) => /^\d{4}-/.test(file))

describe('the migrations are self-contained', () => {
  it('finds the migrations and their data folders', () => {
    expect(files).toEqual(expect.arrayContaining(['0001-initial-schema.ts', '0002-data/searchText.ts']))
    expect(importsOf(join(MIGRATIONS_DIR, '0002-clerk-work.ts'))).toEqual(
      expect.arrayContaining([
        'typeorm',
        './types',
        './0002-data/searchText',
        './0002-data/calendar-kz-2025-2027.json',
      ]),
    )
  })

  it.each(files)('%s imports nothing of the app', (file) => {
    const path = join(MIGRATIONS_DIR, file)
    const imports = importsOf(path)
    expect(imports.filter((specifier) => !allowed(path, specifier))).toEqual([])
  })

  it('would notice an import of the app', () => {
    const file = join(MIGRATIONS_DIR, '0009-example.ts')
    expect(allowed(file, '@shared/domain/search')).toBe(false)
    expect(allowed(file, '../../services/auditHash')).toBe(false)
    expect(allowed(file, './rows')).toBe(false)
    expect(allowed(file, './0002-data/searchText')).toBe(true)
    expect(allowed(join(MIGRATIONS_DIR, '0002-data/searchIndex.ts'), '../types')).toBe(true)
  })
})
