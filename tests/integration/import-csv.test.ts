import { describe, expect, it } from 'vitest'
import { useCleanup } from '../helpers/cleanup'
import { IIN, openDesk } from '../helpers/appeals'
import { fileInput, toWindows1251 } from '../helpers/importFiles'

/**
 * A register saved by Excel on a Russian Windows as "CSV (разделители — точка с запятой)":
 * windows-1251, ';', quoted fields with the delimiter, quotes and a line break inside, a title
 * line above the header. The catalog's settlements and executors are matched by name.
 */
const cleanup = useCleanup()
const TODAY = '2026-04-10'

const CSV = [
  'Журнал регистрации обращений граждан за март 2026 года;;;;;;;;',
  '№ п/п;Дата обращения;ФИО заявителя;ИИН;Населенный пункт;Сфера;Суть обращения;Исполнитель;Вид обращения',
  `1;16.03.2026 10:00;Иванов Иван Иванович;${IIN.nurlan};с. Карабас;Земельные отношения;"Оформление участка; просьба ""срочно""";Ахметов С.Б.;жалоба`,
  `2;17.03.26;Петрова Анна Сергеевна;;Карабас;Социальная сфера;"Помощь многодетной семье,
вторая строка обращения";;`,
  '3;18.03.2026;Сидоров Петр;;Жанаауыл;Социальная сфера;Ремонт школы;Сидоров;предложение',
  '4;19.03.2026;Ким Ольга;;;Социальная сфера;Вопрос по пенсии;;телеграмма',
  '',
].join('\r\n')

describe('import of a csv register (windows-1251, semicolons)', () => {
  it('decodes, splits and maps it, matching settlements and executors of the catalog', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const okrug = await desk.ok('localities.create', {
      kind: 'okrug',
      parentId: null,
      nameKk: 'Қарабас ауылдық округі',
      nameRu: 'Карабасский сельский округ',
      nameEn: null,
    })
    const village = await desk.ok('localities.create', {
      kind: 'settlement',
      parentId: okrug.id,
      nameKk: 'Қарабас',
      nameRu: 'Карабас',
      nameEn: null,
    })
    const executor = await desk.ok('staff.create', {
      fullName: 'Ахметов Серік Болатұлы',
      position: 'Бас маман',
      isExecutor: true,
    })
    const file = fileInput('журнал.csv', toWindows1251(CSV))

    const preview = await desk.ok('import.preview', { file })
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      sheetName: null,
      headerRow: 2,
      titleRows: 1,
    })
    expect(preview.columns.map((c) => c.suggested)).toEqual([
      null,
      'receivedDate',
      'applicantName',
      'idNumber',
      'locality',
      'sector',
      'summary',
      'executor',
      'appealType',
    ])
    expect(preview.rows.map((r) => [r.rowNumber, r.status])).toEqual([
      [3, 'valid'],
      [4, 'valid'],
      [5, 'problems'],
      [6, 'problems'],
    ])
    expect(preview.rows[0]!.values.summary).toBe('Оформление участка; просьба "срочно"')
    expect(preview.rows[1]!.values.summary).toBe('Помощь многодетной семье,\nвторая строка обращения')
    expect(preview.rows[1]!.receivedAt).toBe('2026-03-17T09:00')
    expect(preview.rows[2]!.problems).toEqual([
      { path: ['locality'], messageKey: 'importUi.problems.unknownLocality', params: { value: 'Жанаауыл' } },
      { path: ['executor'], messageKey: 'importUi.problems.unknownExecutor', params: { value: 'Сидоров' } },
    ])
    expect(preview.rows[3]!.problems).toEqual([
      { path: ['appealType'], messageKey: 'importUi.problems.unknownOption', params: { value: 'телеграмма' } },
    ])

    const result = await desk.ok('import.commit', { file })
    expect(result).toMatchObject({ imported: 2, leftOut: 2 })
    const ivanov = (await desk.ok('appeals.list', { query: 'Иванов' })).rows[0]!
    expect(ivanov).toMatchObject({
      localityId: village.id,
      executorId: executor.id,
      appealType: 'complaint',
      receivedAt: '2026-03-16T10:00',
    })
    const petrova = await desk.ok('appeals.get', {
      id: (await desk.ok('appeals.list', { query: 'Петрова' })).rows[0]!.id,
    })
    expect(petrova).toMatchObject({
      localityId: village.id,
      appealType: 'application',
      applicant: { surname: 'Петрова', firstName: 'Анна', patronymic: 'Сергеевна' },
    })
  })

  it('reads UTF-8 with a BOM and commas, and Excel dates written as serial numbers', async () => {
    const desk = await openDesk(cleanup, TODAY)
    const text = '\uFEFFКүні,Аты-жөні,Сала,Мазмұны\r\n46097,"Жұмабеков Нұрлан",Жер қатынастары,"Жер, су мәселесі"\r\n'
    const preview = await desk.ok('import.preview', { file: fileInput('utf8.csv', Buffer.from(text, 'utf8')) })
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerRow: 1 })
    expect(preview.rows[0]).toMatchObject({
      status: 'valid',
      receivedAt: '2026-03-16T09:00',
      values: { summary: 'Жер, су мәселесі' },
    })
  })
})
