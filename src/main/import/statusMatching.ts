import { APPEAL_OUTCOMES, APPEAL_STATUSES, type AppealOutcome, type AppealStatus } from '@shared/domain/appeal'
import { catalogs, LANGUAGES } from '@shared/i18n'
import { byName } from './catalogMatching'

/**
 * How an appeal of an office's old register stood, from the words clerks wrote in its status
 * and outcome columns: the UI's own labels in kk/ru/en, else the usual words at a word's start.
 * An outcome written in the status column ('отказано', 'түсіндірілді') means it was answered.
 */

export const outcomeOf = byName<AppealOutcome>(
  APPEAL_OUTCOMES,
  (outcome) => LANGUAGES.map((lang) => catalogs[lang].outcome[outcome]),
  {
    // partly before fully: 'ішінара қанағаттандырылды' also holds 'қанағаттандырылды'
    satisfied_partly: ['ішінара', 'жартылай', 'частичн', 'partly', 'partially'],
    refused: ['бас тарт', 'қанағаттандырылмады', 'отказ', 'отклон', 'не удовлетвор', 'refused', 'rejected'],
    explained: ['түсіндір', 'разъясн', 'explained'],
    satisfied_fully: ['толық', 'қанағаттандыр', 'шешілді', 'удовлетвор', 'решен', 'полност', 'satisfied', 'resolved'],
  },
)

const statusByWords = byName<AppealStatus>(
  APPEAL_STATUSES,
  (status) => LANGUAGES.map((lang) => catalogs[lang].status[status]),
  {
    // the closings and 'still open' before answered: 'без рассмотрения' and 'на рассмотрении'
    // are not 'рассмотрено', 'қаралуда' is not 'қаралды'
    left_without_consideration: ['қараусыз', 'без рассмотрения', 'without consideration'],
    withdrawn: ['кері қайтар', 'отозван', 'withdrawn'],
    annulled: ['жойылған', 'аннулир', 'annulled'],
    redirected: ['жолданды', 'перенаправ', 'redirected'],
    in_progress: [
      'орындалуда',
      'қаралуда',
      'жұмыста',
      'орындауда',
      'в работе',
      'на рассмотрении',
      'рассматрива',
      'на исполнении',
      'в процессе',
      'in progress',
      'in work',
    ],
    registered: ['тіркелді', 'тіркелген', 'жаңа', 'зарегистр', 'новое', 'новый', 'registered', 'new'],
    answered: [
      'жауап берілді',
      'жауап берілген',
      'қаралды',
      'орындалды',
      'рассмотрен',
      'ответ дан',
      'дан ответ',
      'отвечен',
      'исполнено',
      'закрыт',
      'жабылды',
      'answered',
      'closed',
    ],
  },
)

/** A status cell → the status, and the outcome when the cell names one instead ('отказано'). */
export function statusOf(text: string): { status: AppealStatus; outcome: AppealOutcome | null } | null {
  const status = statusByWords(text)
  if (status !== null) return { status, outcome: null }
  const outcome = outcomeOf(text)
  return outcome === null ? null : { status: 'answered', outcome }
}

/** The statuses an old register's row can arrive in; the others need what a register does not hold (where to, why). */
export const IMPORTED_STATUSES = ['registered', 'in_progress', 'answered'] as const satisfies readonly AppealStatus[]
export type ImportedStatus = (typeof IMPORTED_STATUSES)[number]
export const isImportedStatus = (status: AppealStatus): status is ImportedStatus =>
  (IMPORTED_STATUSES as readonly AppealStatus[]).includes(status)
