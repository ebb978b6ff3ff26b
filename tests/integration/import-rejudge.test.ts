import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiMethod } from '@shared/api/methods'
import { useCleanup } from '../helpers/cleanup'
import { IIN, openDesk } from '../helpers/appeals'
import { ADMIN } from '../helpers/context'
import { startTestCore } from '../helpers/core'
import { fileInput, toWindows1251 } from '../helpers/importFiles'

/**
 * The commit judges the file again: nothing from the preview is trusted. The service keeps
 * the last reading of the rows to spare the commit the work of the preview, and may reuse it
 * only when nothing it depends on changed. Each case changes one such thing between the
 * preview and the commit, and the commit must see it.
 */
const cleanup = useCleanup()
const TODAY = '2026-04-10'

const csv = (lines: string[]) =>
  toWindows1251(
    ['№;Дата обращения;ФИО заявителя;ИИН;Населенный пункт;Сфера;Суть обращения;Исполнитель', ...lines, ''].join('\r\n'),
  )

describe('import commit after a preview', () => {
  it('sees an executor deactivated and a settlement added after the preview', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const executor = await desk.ok('staff.create', {
      fullName: 'Ахметов Серік Болатұлы',
      position: 'Бас маман',
      isExecutor: true,
    })
    const file = fileInput(
      'журнал.csv',
      csv([
        `1;16.03.2026 10:00;Иванов Иван Иванович;${IIN.nurlan};;Земельные отношения;Оформление участка;Ахметов С.Б.`,
        '2;17.03.2026;Петрова Анна Сергеевна;;Карабас;Земельные отношения;Помощь семье;',
      ]),
    )
    const preview = await desk.ok('import.preview', { file })
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'problems'])

    await desk.ok('staff.update', {
      id: executor.id,
      fullName: executor.fullName,
      position: executor.position,
      department: null,
      isExecutor: true,
      active: false,
    })
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      parentId: null,
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
      nameEn: null,
    })
    await desk.ok('localities.create', {
      kind: 'settlement',
      parentId: okrug.id,
      nameKk: 'Қарабас',
      nameRu: 'Карабас',
      nameEn: null,
    })

    const again = await desk.ok('import.preview', { file })
    expect(again.rows.map((r) => r.status)).toEqual(['problems', 'valid'])
    expect(again.rows[0]!.problems).toEqual([
      { path: ['executor'], messageKey: 'importUi.problems.unknownExecutor', params: { value: 'Ахметов С.Б.' } },
    ])
    const result = await desk.ok('import.commit', { file })
    expect(result).toMatchObject({ imported: 1, leftOut: 1 })
    expect((await desk.ok('appeals.list', { query: 'Петрова' })).total).toBe(1)
    expect((await desk.ok('appeals.list', { query: 'Иванов' })).total).toBe(0)
  })

  it('sees a sector deactivated after the preview, and rows imported by another commit meanwhile', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const land = await desk.sector('land')
    const file = fileInput('журнал.csv', csv(['1;16.03.2026 10:00;Иванов Иван Иванович;;;Жер;Оформление участка;']))
    const input = { file, sectorMapping: { жер: land } }
    expect((await desk.ok('import.preview', input)).counts.valid).toBe(1)
    expect(await desk.ok('import.commit', input)).toMatchObject({ imported: 1 })
    // the same choices again: the row is the one just imported
    expect((await desk.ok('import.preview', input)).counts).toMatchObject({ valid: 0, alreadyImported: 1 })

    const other = fileInput('журнал-2.csv', csv(['1;17.03.2026 11:00;Петров Петр;;;Жер;Ремонт дороги;']))
    expect((await desk.ok('import.preview', { file: other, sectorMapping: { жер: land } })).counts.valid).toBe(1)
    const sector = (await desk.ok('sectors.list', {})).find((s) => s.id === land)!
    await desk.ok('sectors.update', {
      id: land,
      nameKk: sector.nameKk,
      nameRu: sector.nameRu,
      nameEn: sector.nameEn,
      active: false,
    })
    expect(await desk.ok('import.commit', { file: other, sectorMapping: { жер: land } })).toMatchObject({
      imported: 0,
      leftOut: 1,
    })
  })

  it('sees the clock: a row received after "now" at the preview is imported once that time has passed', async () => {
    let now = new Date('2026-04-10T10:00:00')
    const core = await startTestCore(join(cleanup.tempDir(), 'akimat.sqlite'), { clock: () => now })
    cleanup.defer(() => core.close())
    const ok = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
      const result = await core.dispatch(method, input, ADMIN)
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return result.data as ApiOutput<M>
    }
    const file = fileInput(
      'журнал.csv',
      csv([
        '1;10.04.2026 09:30;Иванов Иван Иванович;;;Земельные отношения;Оформление участка;',
        '2;10.04.2026 10:30;Петрова Анна Сергеевна;;;Земельные отношения;Помощь семье;',
      ]),
    )
    const preview = await ok('import.preview', { file })
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'problems'])
    expect(preview.rows[1]!.problems).toEqual([{ path: ['receivedDate'], messageKey: 'validation.receivedInFuture' }])

    now = new Date('2026-04-10T10:45:00')
    expect(await ok('import.commit', { file })).toMatchObject({ imported: 2, leftOut: 0 })
  })
})
