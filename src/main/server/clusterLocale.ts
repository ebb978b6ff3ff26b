/**
 * How an embedded PostgreSQL cluster is made (initdb), for the office server and the tests alike.
 *
 * Sorting (LC_COLLATE) is C: byte order, the same as SQLite's, so lists and reports come out
 * in the same order on both engines. Character classes (LC_CTYPE) are a UTF-8 locale, not C:
 * pg_trgm takes only ASCII letters for word characters in a C-ctype database, so the trigram
 * index of the search columns (migrations 0002, 0016) holds nothing for a Kazakh or Russian
 * word and every such search read the whole table (2 s at 100,000 appeals; docs/PERFORMANCE.md).
 * Nothing else in the app's SQL depends on the ctype (no lower/upper/ILIKE; the word-start
 * pattern spells its letters out: db/dialect.ts). Windows names its locales in BCP 47; Linux
 * has C.UTF-8 (only Linux is tried here).
 */
export const UTF8_CTYPE = process.platform === 'win32' ? 'en-US' : 'C.UTF-8'

export const INITDB_FLAGS: readonly string[] = ['--encoding=UTF8', '--lc-collate=C', `--lc-ctype=${UTF8_CTYPE}`]

/**
 * Whether a database's ctype leaves pg_trgm blind to Cyrillic (C or POSIX): the server says so
 * at start, for a database an office's administrator made that way, or a cluster made before.
 */
export const ctypeBlindToCyrillic = (ctype: string): boolean => /^(C|POSIX)$/i.test(ctype.trim())
