/**
 * The office server's `--db` address, checked and shown without loading the database driver
 * (the command line checks its arguments before it loads anything heavy).
 */

/** postgres:// or postgresql://, naming a database. */
export function isPostgresUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') && parsed.pathname.length > 1
  } catch {
    return false
  }
}

/** The address without its password: for logs, the start-up line, and naming the database to the history's head. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url)
  parsed.password = ''
  return parsed.toString()
}
