import type { AppealOutcome } from '@shared/domain/appeal'
import type { LetterLanguage } from '@shared/domain/answer'

/**
 * The answer letter's wording, one template per language an office writes its letters in.
 * The APPK requires an answer to state the decision, its reasons and how it may be appealed;
 * the appeal route names the Code and the two ways it provides (a higher administrative body or
 * official, and the court) without an article number, which could not be checked against an
 * official text here. The clerk edits every paragraph before the letter is drawn.
 * Placeholders: {{date}} the appeal's registration date, {{regNumber}} its number.
 */
export interface AnswerLetterTemplate {
  /** The decision's opening, by outcome. */
  decision: Record<AppealOutcome, string>
  appealRoute: string
  /** The letterhead's outgoing line; {{number}}, {{date}}. */
  outgoing: string
  /** The outgoing line before a number is assigned: filled in by hand. */
  outgoingBlank: string
  /** Before the decision: what the letter answers. */
  subject: string
  fileName: string
}

export const ANSWER_LETTER_TEMPLATES: Record<LetterLanguage, AnswerLetterTemplate> = {
  kk: {
    decision: {
      satisfied_fully: 'Сіздің {{date}} № {{regNumber}} өтінішіңіз қаралып, толық қанағаттандырылды.',
      satisfied_partly: 'Сіздің {{date}} № {{regNumber}} өтінішіңіз қаралып, ішінара қанағаттандырылды.',
      explained: 'Сіздің {{date}} № {{regNumber}} өтінішіңіз қаралып, ол бойынша төмендегідей түсініктеме беріледі.',
      refused: 'Сіздің {{date}} № {{regNumber}} өтінішіңіз қаралып, оны қанағаттандырудан бас тартылды.',
    },
    appealRoute:
      'Осы шешіммен келіспеген жағдайда Сіз оған Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексінде белгіленген тәртіппен жоғары тұрған әкімшілік органға (лауазымды адамға) не сотқа шағым жасауға құқылысыз.',
    outgoing: 'Шығыс № {{number}}, {{date}}',
    outgoingBlank: 'Шығыс № ________, «___» ________ 20__ ж.',
    subject: '{{date}} № {{regNumber}} өтінішке жауап',
    fileName: 'жауап',
  },
  ru: {
    decision: {
      satisfied_fully: 'Ваше обращение от {{date}} № {{regNumber}} рассмотрено и удовлетворено полностью.',
      satisfied_partly: 'Ваше обращение от {{date}} № {{regNumber}} рассмотрено и удовлетворено частично.',
      explained: 'Ваше обращение от {{date}} № {{regNumber}} рассмотрено, по нему даются следующие разъяснения.',
      refused: 'Ваше обращение от {{date}} № {{regNumber}} рассмотрено, в его удовлетворении отказано.',
    },
    appealRoute:
      'В случае несогласия с настоящим решением Вы вправе обжаловать его в порядке, установленном Административным процедурно-процессуальным кодексом Республики Казахстан, в вышестоящий административный орган (вышестоящему должностному лицу) либо в суд.',
    outgoing: 'Исх. № {{number}} от {{date}}',
    outgoingBlank: 'Исх. № ________ от «___» ________ 20__ г.',
    subject: 'Ответ на обращение от {{date}} № {{regNumber}}',
    fileName: 'otvet',
  },
}

/** A template text with its placeholders filled. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole)
}
