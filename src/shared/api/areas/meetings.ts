import { z } from 'zod'
import { APPEAL_TYPES } from '../../domain/appeal'
import type { IsoDate } from '../../domain/dates'
import { entityId, isoDate, MAX_PEOPLE, optionalId, optionalText, recordVersion, requiredText } from '../fields'
import type { AppealSummary } from './appeals'
import type { MeasureCounts, MeetingMeasure } from './measures'

export const MEETING_FORMATS = ['in_person', 'online', 'mixed'] as const
export type MeetingFormat = (typeof MEETING_FORMATS)[number]

const meetingFields = {
  heldOn: isoDate,
  localityId: optionalId,
  place: requiredText(300),
  speakerName: requiredText(200),
  speakerPosition: requiredText(200),
  format: z.enum(MEETING_FORMATS, { error: 'validation.invalidOption' }).default('in_person'),
  attendance: z
    .number()
    .int()
    .min(0, { error: 'validation.tooSmall' })
    .max(MAX_PEOPLE, { error: 'validation.tooBig' })
    .nullish()
    .transform((v) => v ?? null),
  broadcastLink: optionalText(500),
  notes: optionalText(4000),
}
export const createMeetingInput = z.object(meetingFields).strict()
export const updateMeetingInput = z.object({ id: entityId, version: recordVersion, ...meetingFields }).strict()

/** One row of the questions grid: a question raised at the meeting becomes an appeal. */
export const meetingQuestionSchema = z
  .object({
    sectorId: entityId,
    summary: requiredText(4000),
    applicantName: optionalText(300),
    executorId: optionalId,
    appealType: z.enum(APPEAL_TYPES).default('request'),
  })
  .strict()

export const addQuestionsInput = z
  .object({ meetingId: entityId, questions: z.array(meetingQuestionSchema).min(1).max(500) })
  .strict()

export const listMeetingsInput = z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict()

export interface ReportMeeting {
  id: number
  /** What an edit names (meetings.update `version`): see fields.ts recordVersion. */
  version: number
  heldOn: IsoDate
  localityId: number | null
  place: string
  speakerName: string
  speakerPosition: string
  format: MeetingFormat
  attendance: number | null
  broadcastLink: string | null
  notes: string | null
  questionsCount: number
  /** The measures promised at it, how many are done, how many are past their deadline. */
  measureCounts: MeasureCounts
}

export interface SectorShare {
  sectorId: number
  count: number
  /** Percent of the meeting's questions, 2 decimals, rounded half-up. */
  percent: number
}

export interface ReportMeetingDetails extends ReportMeeting {
  questions: AppealSummary[]
  bySector: SectorShare[]
  byStatus: { status: AppealSummary['status']; count: number }[]
  /** In deadline order. */
  measures: MeetingMeasure[]
}

export const dashboardInput = z.object({ year: z.number().int().min(2000).max(2100) }).strict()
export interface DashboardSummary {
  year: number
  total: number
  open: number
  overdue: number
  dueThisWeek: number
  meetingsHeld: number
  /** Measures promised at meetings (any year) past their deadline and not done. */
  measuresOverdue: number
  /** Extensions of open appeals whose applicant is not yet told, and of those past the notice's due date. */
  noticesDue: number
  noticesOverdue: number
  /** Open appeals marked for redirect, and of those past the redirect's due date. */
  redirectsDue: number
  redirectsOverdue: number
  bySector: { sectorId: number; count: number }[]
}
