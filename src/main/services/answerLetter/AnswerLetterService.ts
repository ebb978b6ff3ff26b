import type { DataSource } from 'typeorm'
import { DomainError } from '@shared/api/errors'
import type { AnswerLetter, AnswerLetterDraft, ApiParsedInput, Appeal } from '@shared/api/contract'
import type { AppealOutcome } from '@shared/domain/appeal'
import type { LetterLanguage } from '@shared/domain/answer'
import type { OfficeIdentity } from '@shared/api/contract'
import { StaffEntity } from '../../db/entities'
import { transaction } from '../../db/transaction'
import { formatDate, renderPdf } from '../../reports/pdf'
import type { AppealService } from '../appeals/AppealService'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { OfficeService } from '../office'
import { requirePersonalData } from '../personalData'
import { answerLetterDocument } from './letterDocument'
import { ANSWER_LETTER_TEMPLATES, fill } from './templates'

const refused = (messageKey: string) =>
  new DomainError('validation', 'errors.validation', [{ path: ['id'], messageKey }])

/** The office's name and address in the letter's language (the other language when one is blank). */
export function letterhead(office: OfficeIdentity, lang: LetterLanguage): { name: string; address: string } {
  const [name, otherName] = lang === 'ru' ? [office.nameRu, office.nameKk] : [office.nameKk, office.nameRu]
  const [address, otherAddress] =
    lang === 'ru' ? [office.addressRu, office.addressKk] : [office.addressKk, office.addressRu]
  return { name: name || otherName, address: address || otherAddress }
}

/**
 * The answer letter (жауап хат / ответ заявителю): drafted from the office's template in Kazakh
 * or Russian and the answered appeal (decision from its outcome, reasons from its answer text,
 * the appeal route from the template), edited by the clerk, then drawn as a PDF. It names the
 * applicant and their address, so both steps are personal-data doors: only a role that sees
 * personal data in full, the draft recorded as a reveal and the PDF as an export in the appeal's
 * history.
 */
export class AnswerLetterService {
  constructor(
    private readonly db: DataSource,
    private readonly appeals: AppealService,
    private readonly office: OfficeService,
    private readonly resourcesDir: string,
  ) {}

  async draft({ id, lang }: ApiParsedInput<'appeals.answerLetterDraft'>, ctx: CallContext): Promise<AnswerLetterDraft> {
    requirePersonalData(ctx)
    const appeal = await this.answered(id, ctx)
    const template = ANSWER_LETTER_TEMPLATES[lang]
    const office = await this.office.get()
    const head = letterhead(office, lang)
    // The reveal writes "saw" into the appeal's history: the draft carries the address in full.
    const { applicant } = await this.appeals.revealPersonalData(id, ctx)
    const address = applicant.kind === 'individual' || applicant.kind === 'organisation' ? applicant.address : null
    const params = { date: formatDate(appeal.registeredOn), regNumber: appeal.regNumber }
    return {
      id,
      lang,
      regNumber: appeal.regNumber,
      officeName: head.name,
      officeAddress: head.address,
      outgoingNumber: appeal.answer?.outgoingNumber ?? null,
      outgoingOn: appeal.answer?.outgoingOn ?? null,
      addressee: appeal.applicantName!,
      address,
      decision: fill(template.decision[appeal.outcome as AppealOutcome], params),
      reasons: appeal.answerText ?? '',
      appealRoute: template.appealRoute,
      ...(await this.signatory(appeal, office, lang)),
    }
  }

  async render(input: ApiParsedInput<'appeals.answerLetter'>, ctx: CallContext): Promise<AnswerLetter> {
    requirePersonalData(ctx)
    const appeal = await this.answered(input.id, ctx)
    const template = ANSWER_LETTER_TEMPLATES[input.lang]
    const head = letterhead(await this.office.get(), input.lang)
    const number = appeal.answer?.outgoingNumber ?? null
    const outgoingOn = appeal.answer?.outgoingOn ?? null
    const params = { date: formatDate(appeal.registeredOn), regNumber: appeal.regNumber }
    const pdf = await renderPdf(
      answerLetterDocument({
        title: fill(template.subject, params),
        officeName: head.name,
        officeAddress: head.address,
        outgoing:
          number && outgoingOn
            ? fill(template.outgoing, { number, date: formatDate(outgoingOn) })
            : template.outgoingBlank,
        subject: fill(template.subject, params),
        texts: input,
      }),
      this.resourcesDir,
    )
    const fileName = `${template.fileName}-${number ? number.replace(/[^\p{L}\p{N}-]+/gu, '_') : appeal.regNumber}.pdf`
    await transaction(this.db, (manager) =>
      recordAudit(manager, ctx, [
        {
          entity: 'appeal',
          entityId: String(input.id),
          action: 'export',
          field: 'answerLetter',
          oldValue: null,
          newValue: JSON.stringify({ lang: input.lang, fileName }),
        },
      ]),
    )
    return { fileName, base64: pdf.toString('base64') }
  }

  /** The appeal, answered and addressed to someone: a letter answers a named applicant. */
  private async answered(id: number, ctx: CallContext): Promise<Appeal> {
    const appeal = await this.appeals.get(id, ctx)
    if (appeal.status !== 'answered') throw refused('answers.validation.notAnswered')
    if (appeal.applicantKind !== 'individual' && appeal.applicantKind !== 'organisation')
      throw refused('answers.validation.noAddressee')
    return appeal
  }

  /**
   * Who signs: the recorded signatory (a staff member with the position in the letter's
   * language, left out in Russian when none is typed, as on the receipt; a typed signer as
   * typed), else the office's head from Settings.
   */
  private async signatory(
    appeal: Appeal,
    office: OfficeIdentity,
    lang: LetterLanguage,
  ): Promise<{ signatory: string; signatoryPosition: string | null }> {
    const answer = appeal.answer
    if (answer?.signatoryId) {
      const member = await this.db.getRepository(StaffEntity).findOne({ where: { id: answer.signatoryId } })
      if (member)
        return {
          signatory: member.fullName,
          signatoryPosition: (lang === 'ru' ? member.positionRu : member.position) || null,
        }
    }
    if (answer?.signatoryName) return { signatory: answer.signatoryName, signatoryPosition: null }
    return {
      signatory: office.headName,
      signatoryPosition: (lang === 'ru' ? office.headPositionRu : office.headPosition) || null,
    }
  }
}
