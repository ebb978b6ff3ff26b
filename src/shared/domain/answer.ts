/**
 * How an answer letter reaches the applicant: handed over at the office, sent by post, by
 * e-mail, or through the e-Otinish portal (where the appeal came in electronically).
 */
export const ANSWER_DELIVERIES = ['in_person', 'post', 'email', 'e_otinish'] as const
export type AnswerDelivery = (typeof ANSWER_DELIVERIES)[number]

/** The answer letter is drawn in the two languages an office writes its letters in. */
export const LETTER_LANGUAGES = ['kk', 'ru'] as const
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number]
