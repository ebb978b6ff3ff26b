import { describe, expect, it } from 'vitest'
import { firstStepToShow, stepAfter, stepBefore } from '../../../src/renderer/src/lib/setupSteps'

describe('the step the first-start wizard opens on', () => {
  it('starts at the office on a new office', () => {
    expect(firstStepToShow({ steps: {}, finished: false })).toBe('office')
  })

  it('resumes at the first step neither saved nor skipped', () => {
    expect(firstStepToShow({ steps: { office: 'saved' }, finished: false })).toBe('localities')
    expect(firstStepToShow({ steps: { office: 'saved', localities: 'skipped' }, finished: false })).toBe('staff')
    // a step left open before a later one was passed is still the one to resume at
    expect(firstStepToShow({ steps: { office: 'saved', staff: 'saved' }, finished: false })).toBe('localities')
    expect(firstStepToShow({ steps: { office: 'saved', localities: 'saved', staff: 'saved' }, finished: false })).toBe(
      'sample',
    )
  })

  it('opened again after finishing: the first skipped step, else the first', () => {
    expect(
      firstStepToShow({
        steps: { office: 'saved', localities: 'saved', staff: 'skipped', sample: 'skipped' },
        finished: true,
      }),
    ).toBe('staff')
    expect(
      firstStepToShow({
        steps: { office: 'saved', localities: 'saved', staff: 'saved', sample: 'saved' },
        finished: true,
      }),
    ).toBe('office')
  })

  it('moves forward and back within the four steps', () => {
    expect(stepAfter('office')).toBe('localities')
    expect(stepAfter('sample')).toBeNull()
    expect(stepBefore('localities')).toBe('office')
    expect(stepBefore('office')).toBeNull()
  })
})
