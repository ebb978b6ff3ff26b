/**
 * The notice of an extension and the redirect of an appeal outside the office's competence,
 * as conditions over alias `a` on their stored due dates (migration 0013), with `:today` and
 * `:open` (the open statuses). The appeals list's filters and the dashboard's
 * figures use these, so a figure and the list it opens always agree; isNoticeOverdue and
 * isRedirectLate (shared/domain/appeal.ts) say the same of one row.
 */
export const NOTICE_SQL = {
  /**
   * Extended, the applicant not yet told, the appeal still open (once answered or closed, the
   * applicant has the answer: the quarterly report still counts the notice as never sent).
   */
  due: 'a.notice_due_on IS NOT NULL AND a.extension_notified_on IS NULL AND a.status IN (:...open)',
  /** Of those, the notice's due date past. */
  overdue: 'a.notice_due_on < :today AND a.extension_notified_on IS NULL AND a.status IN (:...open)',
} as const

export const REDIRECT_SQL = {
  /** Marked for redirect, still open. */
  due: 'a.redirect_due_on IS NOT NULL AND a.status IN (:...open)',
  /** Of those, the due date past. */
  overdue: 'a.redirect_due_on < :today AND a.status IN (:...open)',
  /** Running late (as overdue) or redirected after the due date. */
  late: '((a.redirect_due_on < :today AND a.status IN (:...open)) OR a.redirected_on > a.redirect_due_on)',
} as const
