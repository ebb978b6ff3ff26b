import { TableColumn, type QueryRunner } from 'typeorm'
import type { Migration } from './types'

/**
 * What an office's outgoing register keeps of an answer: the letter's own outgoing number and
 * date, who signed it (a staff member by id, or a name typed for a signer outside the staff
 * list), and how it went to the applicant (in_person, post, email, e_otinish). Answers given
 * before this version hold none of it and keep nulls: nothing is guessed for them.
 */
export const answerDetails: Migration = {
  version: 17,
  name: 'answer-details',
  async up(qr: QueryRunner) {
    await qr.addColumns('appeals', [
      new TableColumn({ name: 'answer_outgoing_number', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'answer_outgoing_on', type: 'date', isNullable: true }),
      new TableColumn({ name: 'answer_signatory_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'answer_signatory_name', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'answer_delivery', type: 'varchar', length: '16', isNullable: true }),
    ])
  },
}
