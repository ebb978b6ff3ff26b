import { HISTORY_LOCK_KEY } from '../dialect'
import type { DerivedTable } from './derivedTable'

/**
 * Appeals counted by registration year, sector, locality and report-meeting or not
 * (`appeal_year_counts`, created by migration 0006), kept by triggers on `appeals`. The
 * sector-by-year report sums a few thousand of these rows instead of counting a million
 * appeals (src/main/reports/sectorByYear.ts).
 *
 * `locality_key` is the appeal's locality_id, 0 when it has none (a primary key column cannot
 * hold NULLs that compare equal); `meeting` is 1 for a question of a
 * report meeting: one that belongs to a meeting (meeting_id set), the one definition every report
 * uses (the channel agrees, the contract sees to it). registered_on
 * and sector_id are NOT NULL in `appeals` (migration 0001). A count that falls to 0 stays as
 * a row with n = 0 (harmless to the sums). An annulled appeal (status 'annulled': entered by
 * mistake) is not counted: annulling it takes it out, as a delete would; other status changes
 * take one off and put it back.
 */

/** The count's key of a row of appeals (`row` is new or old). */
const key = (row: 'new' | 'old') =>
  `CAST(substr(${row}.registered_on, 1, 4) AS INTEGER), ${row}.sector_id, coalesce(${row}.locality_id, 0), ${row}.meeting_id IS NOT NULL`

const add = (
  row: 'new' | 'old',
  delta: '+ 1' | '- 1',
) => `INSERT INTO appeal_year_counts (year, sector_id, locality_key, meeting, n)
    SELECT ${key(row)}, ${delta === '+ 1' ? 1 : -1} WHERE ${row}.status <> 'annulled'
    ON CONFLICT (year, sector_id, locality_key, meeting) DO UPDATE SET n = n ${delta};`

/** Fills the table from the rows of appeals (emptied first). Also used by bench/generate.ts after its bulk insert. */
export const REFILL_APPEAL_YEAR_COUNTS_SQL = [
  'DELETE FROM appeal_year_counts',
  `INSERT INTO appeal_year_counts (year, sector_id, locality_key, meeting, n)
    SELECT CAST(substr(registered_on, 1, 4) AS INTEGER), sector_id, coalesce(locality_id, 0), meeting_id IS NOT NULL, COUNT(*)
    FROM appeals WHERE status <> 'annulled' GROUP BY 1, 2, 3, 4`,
]

/**
 * PostgreSQL: one PL/pgSQL function on the same rule (annulled rows not counted, an update
 * takes the old key off and puts the new one on), called for each changed row. Triggers rather
 * than a GROUP BY of appeals, so the report reads the same few thousand rows on both engines
 * and gives the same model; their cost is one upsert per write, as on SQLite. An update that
 * leaves the key and the annulled state as they were changes no count and touches no row: an
 * edit writes every column (services/versioned.ts), and the -1/+1 on its count's row would
 * lock that row to the edit's commit, so that edits and registrations of one sector, which
 * desks make side by side on the server, waited for each other. A change of a count takes the
 * history lock first (db/dialect.ts: the order of locks): the write records its history before
 * it commits anyway, and one holding a count's row while it waits for the history could be
 * waited for in turn by a registration, which holds the history when it inserts.
 */
const pgKey = (row: 'NEW' | 'OLD') =>
  `CAST(EXTRACT(YEAR FROM ${row}.registered_on) AS integer), ${row}.sector_id, coalesce(${row}.locality_id, 0), CASE WHEN ${row}.meeting_id IS NOT NULL THEN 1 ELSE 0 END`
const pgAdd = (row: 'NEW' | 'OLD', delta: 1 | -1) => `
  IF ${row}.status <> 'annulled' THEN
    INSERT INTO appeal_year_counts AS c (year, sector_id, locality_key, meeting, n) VALUES (${pgKey(row)}, ${delta})
    ON CONFLICT (year, sector_id, locality_key, meeting) DO UPDATE SET n = c.n + ${delta};
  END IF;`
const PG_YEAR_COUNTS_BODY = `
BEGIN
  IF TG_OP = 'UPDATE' AND ROW(${pgKey('OLD')}, OLD.status = 'annulled') IS NOT DISTINCT FROM ROW(${pgKey('NEW')}, NEW.status = 'annulled') THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(${HISTORY_LOCK_KEY});
  IF TG_OP <> 'INSERT' THEN${pgAdd('OLD', -1)}
  END IF;
  IF TG_OP <> 'DELETE' THEN${pgAdd('NEW', 1)}
  END IF;
  RETURN NULL;
END;
`

export const APPEAL_YEAR_COUNTS: DerivedTable = {
  table: 'appeal_year_counts',
  triggers: {
    appeal_year_counts_insert: `CREATE TRIGGER appeal_year_counts_insert AFTER INSERT ON appeals BEGIN
    ${add('new', '+ 1')}
  END`,
    appeal_year_counts_delete: `CREATE TRIGGER appeal_year_counts_delete AFTER DELETE ON appeals BEGIN
    ${add('old', '- 1')}
  END`,
    appeal_year_counts_update: `CREATE TRIGGER appeal_year_counts_update AFTER UPDATE OF registered_on, sector_id, locality_id, meeting_id, status ON appeals BEGIN
    ${add('old', '- 1')}
    ${add('new', '+ 1')}
  END`,
  },
  rederive: REFILL_APPEAL_YEAR_COUNTS_SQL,
  postgres: {
    functions: { appeal_year_counts_apply: PG_YEAR_COUNTS_BODY },
    triggers: {
      appeal_year_counts_change: `CREATE TRIGGER appeal_year_counts_change
    AFTER INSERT OR DELETE OR UPDATE OF registered_on, sector_id, locality_id, meeting_id, status ON appeals
    FOR EACH ROW EXECUTE FUNCTION appeal_year_counts_apply()`,
    },
    rederive: [
      'DELETE FROM appeal_year_counts',
      `INSERT INTO appeal_year_counts (year, sector_id, locality_key, meeting, n)
    SELECT CAST(EXTRACT(YEAR FROM registered_on) AS integer), sector_id, coalesce(locality_id, 0),
      CASE WHEN meeting_id IS NOT NULL THEN 1 ELSE 0 END, COUNT(*)
    FROM appeals WHERE status <> 'annulled' GROUP BY 1, 2, 3, 4`,
    ],
  },
}
