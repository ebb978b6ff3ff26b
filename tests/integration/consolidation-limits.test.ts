import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PACKAGE_LIMITS, unpackedCap } from '../../src/main/consolidation/limits'
import { packageChecksum } from '../../src/main/consolidation/format'
import { appealInput } from '../helpers/appeals'
import { useCleanup } from '../helpers/cleanup'
import { addOkrug, exportToFile, openOffice, packageInput, readDocument, snapshot } from '../helpers/consolidation'
import { packageBomb } from '../helpers/hostileFiles'

/**
 * A package unpacks no further than its caps (consolidation/limits.ts): a gzip bomb is refused
 * for the limit it hit, quickly, with nothing written, while a real package, which gzip packs
 * far less tightly, stays well inside them.
 */

const cleanup = useCleanup()

describe('the caps on a package', () => {
  it('takes the ratio cap for a small file and the JSON cap for a large one', () => {
    expect(unpackedCap(300 * 1024)).toEqual({
      bytes: 300 * 1024 * PACKAGE_LIMITS.ratio + PACKAGE_LIMITS.slackBytes,
      limit: 'ratio',
    })
    expect(unpackedCap(30 * 2 ** 20)).toEqual({ bytes: PACKAGE_LIMITS.jsonBytes, limit: 'unpacked' })
  })

  it('refuses a 300 MB gzip bomb for its ratio, in seconds, writing nothing; a real package packs far looser', async () => {
    const folder = cleanup.tempDir('akimat-flash-')
    const okrug = await openOffice(cleanup, 'Қарабас ауылдық округі әкімінің аппараты', 'Аппарат акима Карабасского')
    const district = await openOffice(cleanup, 'Қарқаралы ауданы әкімдігі', 'Акимат Каркаралинского района')
    const places = await addOkrug(okrug, 'Қарабас ауылдық округі', ['Қарабас ауылы'])
    await okrug.ok('appeals.create', appealInput(await okrug.sector('housing'), { localityId: places.settlements[0] }))

    // An okrug's real package with its appeal made into 5,000 distinct ones: how tightly gzip packs it.
    const { file } = await exportToFile(okrug, folder)
    const document = readDocument(file)
    const [model] = document.appeals as Record<string, unknown>[]
    document.appeals = Array.from({ length: 5000 }, (_, i) => ({
      ...model,
      uuid: randomUUID(),
      regNumber: `2026-${String(i + 1).padStart(6, '0')}`,
      summary: `Өтініш №${i + 1}: ${randomUUID()} көшесіндегі су құбыры жарылған`,
    }))
    document.checksum = packageChecksum(document)
    const json = Buffer.from(JSON.stringify(document))
    const packed = gzipSync(json)
    const ratio = json.length / packed.length
    console.log(
      `a package of 5,000 appeals: ${json.length} bytes of JSON, gzip ${packed.length}, ratio ${ratio.toFixed(1)}`,
    )
    expect(ratio).toBeLessThan(PACKAGE_LIMITS.ratio / 2)

    const bomb = await packageBomb(300)
    const bombFile = join(folder, 'bomb.json.gz')
    writeFileSync(bombFile, bomb)
    const before = await snapshot(district)
    const rssBefore = process.memoryUsage().rss
    const started = performance.now()
    const error = await district.fail('consolidation.importPackage', packageInput(bombFile))
    const ms = performance.now() - started
    const grew = process.memoryUsage().rss - rssBefore
    const cap = unpackedCap(bomb.length)
    console.log(
      `package bomb (${Math.round(bomb.length / 1024)} KB, 300 MB unpacked): refused in ${ms.toFixed(0)} ms, RSS +${(grew / 2 ** 20).toFixed(0)} MB`,
    )
    expect(error).toEqual({
      code: 'validation',
      messageKey: 'consolidationUi.errors.tooLarge',
      issues: [
        {
          path: ['base64'],
          messageKey: 'consolidationUi.errors.limits.ratio',
          params: { limit: Math.round(cap.bytes / 2 ** 20), ratio: PACKAGE_LIMITS.ratio },
        },
      ],
    })
    expect(ms).toBeLessThan(10_000)
    expect(grew).toBeLessThan(cap.bytes + 50 * 2 ** 20)
    expect(await snapshot(district)).toEqual(before)
  })
})
