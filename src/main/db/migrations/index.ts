import { initialSchema } from './0001-initial-schema'
import { clerkWork } from './0002-clerk-work'
import { dataSafety } from './0003-data-safety'
import { consolidationNumbers } from './0004-consolidation-numbers'
import { hotPathIndexes } from './0005-hot-path-indexes'
import { appealYearCounts } from './0006-appeal-year-counts'
import { meetingMeasures } from './0007-meeting-measures'
import { users } from './0008-users'
import { calendarSources } from './0010-calendar-sources'
import { staffPositionRu } from './0011-staff-position-ru'
import { annulledAppeals } from './0012-annulled-appeals'
import { noticeAndRedirectDue } from './0013-notice-and-redirect-due'
import { meetingQuestions } from './0014-meeting-questions'
import { recordVersions } from './0015-record-versions'
import { personalSearch } from './0016-personal-search'
import { answerDetails } from './0017-answer-details'
import { attachments } from './0018-attachments'
import type { Migration } from './types'

export type { Migration }

/**
 * Every migration, in order of version. Listed explicitly (bundlers drop globs); append only — never
 * edit or reorder a migration that has shipped. Each one gets a test that upgrades a
 * database holding real rows (tests/integration/migrations.test.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  clerkWork,
  dataSafety,
  consolidationNumbers,
  hotPathIndexes,
  appealYearCounts,
  meetingMeasures,
  users,
  calendarSources,
  staffPositionRu,
  annulledAppeals,
  noticeAndRedirectDue,
  meetingQuestions,
  recordVersions,
  personalSearch,
  answerDetails,
  attachments,
]

/** The version of the last migration (versions only go up; the list may skip a number while branches merge). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
