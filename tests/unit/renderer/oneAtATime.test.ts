import { describe, expect, it } from 'vitest'
import { oneAtATime, type BusyFlag } from '../../../src/renderer/src/lib/oneAtATime'

/** A task that stays on its way until the test lets it finish. */
function pendingTask() {
  let finish: (failure?: Error) => void = () => {}
  let runs = 0
  const task = () => {
    runs += 1
    return new Promise<void>((resolve, reject) => {
      finish = (failure) => (failure ? reject(failure) : resolve())
    })
  }
  return { task, finish: (failure?: Error) => finish(failure), runs: () => runs }
}

describe('oneAtATime', () => {
  it('does nothing on a second submit while the first is on its way', async () => {
    const flag: BusyFlag = { current: false }
    const save = pendingTask()
    const first = oneAtATime(flag, save.task)
    expect(flag.current).toBe(true)
    await expect(oneAtATime(flag, save.task)).resolves.toBe(false)
    expect(save.runs()).toBe(1)
    save.finish()
    await expect(first).resolves.toBe(true)
    expect(flag.current).toBe(false)
  })

  it('runs again once the first has finished', async () => {
    const flag: BusyFlag = { current: false }
    let runs = 0
    const task = async () => {
      runs += 1
    }
    await expect(oneAtATime(flag, task)).resolves.toBe(true)
    await expect(oneAtATime(flag, task)).resolves.toBe(true)
    expect(runs).toBe(2)
  })

  it('lets a refused save be sent again, the refusal passed on', async () => {
    const flag: BusyFlag = { current: false }
    const save = pendingTask()
    const first = oneAtATime(flag, save.task)
    save.finish(new Error('refused'))
    await expect(first).rejects.toThrow('refused')
    expect(flag.current).toBe(false)
    const second = oneAtATime(flag, save.task)
    expect(save.runs()).toBe(2)
    save.finish()
    await expect(second).resolves.toBe(true)
  })

  it('keeps separate forms apart: each has its own flag', async () => {
    const one: BusyFlag = { current: false }
    const other: BusyFlag = { current: false }
    const saveOne = pendingTask()
    const saveOther = pendingTask()
    const first = oneAtATime(one, saveOne.task)
    const second = oneAtATime(other, saveOther.task)
    expect(saveOne.runs() + saveOther.runs()).toBe(2)
    saveOne.finish()
    saveOther.finish()
    await expect(Promise.all([first, second])).resolves.toEqual([true, true])
  })
})
