import { describe, expect, it } from 'vitest'
import type { Appeal } from '@shared/api/contract'
import { sectorDayCountsQuery } from '../../src/main/reports/sectorByYear'
import { appealInput, meetingInput, type Desk, editInput } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug, exportToFile, openOffice, packageInput } from '../helpers/consolidation'
import { fileInput, messyRegisterXlsx } from '../helpers/importFiles'

/**
 * appeal_year_counts (migration 0006) is kept by triggers on appeals: after every write path —
 * registration, edits of sector and locality, meeting questions, an Excel import, an okrug's
 * package, and plain SQL — it equals the appeals counted by year, sector, locality and meeting,
 * and the sector-by-year report built from it equals the one counted from the appeals.
 */

const cleanup = useCleanup()

type Row = { year: number; sector_id: number; locality_key: number; meeting: number; n: number }

const kept = (desk: Desk) =>
  desk.sql<Row>(
    'SELECT year, sector_id, locality_key, meeting, n FROM appeal_year_counts WHERE n <> 0 ORDER BY year, sector_id, locality_key, meeting',
  )
const counted = (desk: Desk) =>
  desk.sql<Row>(
    `SELECT CAST(substr(registered_on, 1, 4) AS INTEGER) AS year, sector_id, coalesce(locality_id, 0) AS locality_key,
       meeting_id IS NOT NULL AS meeting, COUNT(*) AS n
     FROM appeals GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  )

async function expectConsistent(desk: Desk): Promise<void> {
  expect(await kept(desk)).toEqual(await counted(desk))
  expect(await desk.sql('SELECT COUNT(*) AS n FROM appeal_year_counts WHERE n < 0')).toEqual([{ n: 0 }])
}

/** The report's counts (year → sector name → n) as the report built them, and as the fallback GROUP BY of appeals counts them. */
async function expectReportFromAppeals(
  desk: Desk,
  source: 'all' | 'meetings',
  localityId: number | null,
): Promise<void> {
  const params = { kind: 'sector-by-year' as const, from: 2024, to: 2026, source, localityId }
  const model = await desk.ok('reports.build', { lang: 'kk', params })
  const built: Record<string, number[]> = {}
  for (const row of model.tables[0]!.rows) {
    const name = (row[1] as { value: string }).value
    built[name] = row.filter((_, i) => i >= 2 && i % 2 === 0).map((c) => (c as { value: number }).value)
  }
  const names = new Map(
    (await desk.sql<{ id: number; name_kk: string }>('SELECT id, name_kk FROM sectors')).map((s) => [s.id, s.name_kk]),
  )
  const days: { period: string; sector_id: number; n: number }[] = await (
    await sectorDayCountsQuery(desk.core.database.dataSource, params)
  ).getRawMany()
  const expected: Record<string, number[]> = {}
  for (const d of days) {
    const name = names.get(Number(d.sector_id))!
    expected[name] ??= [0, 0, 0]
    expected[name]![Number(String(d.period).slice(0, 4)) - 2024]! += Number(d.n)
  }
  if (localityId === null) expect(Object.keys(built).length).toBeGreaterThan(1)
  expect(built).toEqual(expected)
}

describe('appeal_year_counts', () => {
  it('equals the appeals counted after every write path, and the report built from it equals the appeals counted', async () => {
    const district = await openOffice(cleanup, 'Қарқаралы аудандық әкімдігі', 'Акимат Каркаралинского района')
    const okrug = await openOffice(cleanup, 'Қарабас ауылдық округі', 'Карабасский сельский округ')
    const here = await addOkrug(district, 'Қоянды ауылдық округі', ['Қоянды ауылы', 'Бесоба ауылы'])
    const [housing, land, social] = [
      await district.sector('housing'),
      await district.sector('land'),
      await district.sector('social'),
    ]

    // registrations in two years, with and without a locality
    const created: Appeal[] = []
    created.push(
      await district.ok(
        'appeals.create',
        appealInput(housing, { receivedAt: '2025-03-17T10:00', localityId: here.okrug }),
      ),
    )
    created.push(
      await district.ok(
        'appeals.create',
        appealInput(land, { receivedAt: '2025-11-03T10:00', localityId: here.settlements[0] }),
      ),
    )
    created.push(
      await district.ok('appeals.create', appealInput(social, { receivedAt: '2026-03-16T10:00', localityId: null })),
    )
    created.push(
      await district.ok(
        'appeals.create',
        appealInput(housing, { receivedAt: '2026-03-17T11:00', localityId: here.settlements[1] }),
      ),
    )
    await expectConsistent(district)

    // edits of sector and locality
    await district.ok('appeals.update', await editInput(district, created[0]!, { sectorId: social }))
    await district.ok('appeals.update', await editInput(district, created[1]!, { localityId: null }))
    await district.ok(
      'appeals.update',
      await editInput(district, created[2]!, { localityId: here.settlements[0], sectorId: land }),
    )
    await expectConsistent(district)

    // report-meeting questions
    const meeting = await district.ok('meetings.create', meetingInput({ heldOn: '2026-03-18', localityId: here.okrug }))
    await district.ok('meetings.addQuestions', {
      meetingId: meeting.id,
      questions: [
        { sectorId: housing, summary: 'Ауыз су құбыры тартылмаған' },
        { sectorId: housing, summary: 'Көше жарығы жоқ' },
        { sectorId: land, summary: 'Жайылымдық жер жетіспейді' },
      ],
    })
    await expectConsistent(district)

    // an Excel register
    await district.ok('import.commit', {
      file: fileInput('Журнал 2026.xlsx', await messyRegisterXlsx()),
      sectorMapping: {},
    })
    await expectConsistent(district)

    // an okrug's package
    const okrugPlace = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
    await okrug.ok(
      'appeals.create',
      appealInput(await okrug.sector('housing'), {
        receivedAt: '2026-03-16T10:00',
        localityId: okrugPlace.settlements[0],
      }),
    )
    await okrug.ok(
      'appeals.create',
      appealInput(await okrug.sector('land'), { receivedAt: '2026-03-17T10:00', localityId: null }),
    )
    const okrugMeeting = await okrug.ok(
      'meetings.create',
      meetingInput({ heldOn: '2026-03-19', localityId: okrugPlace.okrug }),
    )
    await okrug.ok('meetings.addQuestions', {
      meetingId: okrugMeeting.id,
      questions: [{ sectorId: await okrug.sector('social'), summary: 'Мектепке автобус керек' }],
    })
    const { file } = await exportToFile(okrug, cleanup.tempDir('akimat-package-'))
    await district.ok('consolidation.importPackage', packageInput(file))
    await expectConsistent(district)
    expect(await district.count('appeals')).toBeGreaterThan(10)

    for (const source of ['all', 'meetings'] as const) {
      for (const localityId of [null, here.okrug]) await expectReportFromAppeals(district, source, localityId)
    }

    // plain SQL, behind the program's back: the triggers still keep the counts
    await district.sql("UPDATE appeals SET registered_on = '2024-12-30' WHERE id = ?", [created[3]!.id])
    await district.sql(
      "UPDATE appeals SET meeting_id = (SELECT MIN(id) FROM report_meetings), channel = 'report_meeting' WHERE id = ?",
      [created[2]!.id],
    )
    await district.sql(
      "UPDATE appeals SET meeting_id = NULL, channel = 'reception' WHERE id = (SELECT MIN(id) FROM appeals WHERE meeting_id IS NOT NULL AND id <> ?)",
      [created[2]!.id],
    )
    await district.sql('UPDATE appeals SET locality_id = ? WHERE locality_id IS NULL', [here.settlements[1]])
    await district.sql('UPDATE appeals SET sector_id = ? WHERE sector_id = ?', [land, social])
    await expectConsistent(district)
    await district.sql('DELETE FROM appeals WHERE id = ?', [created[1]!.id])
    await expectConsistent(district)
    for (const source of ['all', 'meetings'] as const) {
      for (const localityId of [null, here.okrug, here.settlements[1]!])
        await expectReportFromAppeals(district, source, localityId)
    }
  })
})
