import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { addDays } from '@shared/domain/dates'
import { MeetingMeasureEntity } from '../db/entities'
import { createdEntry, recordAudit } from '../services/audit'
import type { CallContext } from '../services/context'
import type { Random } from './random'
import { MEASURES } from './texts'

/**
 * The measures promised at one sample meeting: one to three, each answering one of its
 * questions, due one to six months later. Most of those already due were done (a fifth of
 * them late); the rest are overdue, so the meetings page and the press summary show all four
 * states. A random generator of its own keeps the rest of the sample as it always was.
 */
export async function promiseSampleMeasures(
  manager: EntityManager,
  meeting: { id: number; heldOn: string },
  questions: { id: number; sectorCode: string }[],
  { random, today, ctx }: { random: Random; today: string; ctx: CallContext },
): Promise<number> {
  const left = [...questions]
  const picked = Array.from(
    { length: Math.min(left.length, random.int(1, 3)) },
    () => left.splice(random.int(0, left.length - 1), 1)[0]!,
  )
  const now = new Date().toISOString()
  for (const question of picked) {
    const { texts, responsible } = MEASURES[question.sectorCode] ?? MEASURES.other!
    const dueOn = addDays(meeting.heldOn, random.int(30, 180))
    let doneOn: string | null = null
    if (dueOn < today && random.next() < 0.85) {
      doneOn = random.next() < 0.2 ? addDays(dueOn, random.int(1, 30)) : addDays(dueOn, -random.int(0, 20))
      if (doneOn > today) doneOn = today
    }
    const row = await manager.getRepository(MeetingMeasureEntity).save({
      uuid: randomUUID(),
      meetingId: meeting.id,
      text: random.pick(texts),
      responsible,
      dueOn,
      appealId: question.id,
      doneOn,
      doneNote: doneOn ? 'Орындалды, тұрғындарға хабарланды.' : null,
      createdAt: now,
      updatedAt: now,
    })
    const { text, appealId } = row
    await recordAudit(manager, ctx, [
      createdEntry('measure', row.id, { meetingId: meeting.id, text, responsible, dueOn, appealId, doneOn }),
    ])
  }
  return picked.length
}
