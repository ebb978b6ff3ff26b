/**
 * The appeals that count, as a condition over alias `a`: every one but those annulled as
 * entered by mistake (status 'annulled'). Every count, report and list (unless it asks for
 * annulled entries) uses it; the yearly counts table applies the same rule in its triggers
 * (db/derived/appealYearCounts.ts).
 */
// Written against the partial index of annulled ids (migration 0012) rather than as a test of
// a.status: SQLite reads that small index once, and a query served by a covering index of other
// columns (every index carries the id) stays covered (tests/integration/query-plans.test.ts).
export const COUNTED_SQL = "a.id NOT IN (SELECT id FROM appeals WHERE status = 'annulled')"

/** The annulled entries only, over alias `a` (a partial index holds them: migration 0012). */
export const ANNULLED_SQL = "a.status = 'annulled'"
