import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '@shared/api/errors'
import { createDispatcher } from '../../src/main/api/dispatcher'
import type { CallContext } from '../../src/main/services/context'
import { userContext } from '../helpers/context'
import { recordingHandlers } from '../helpers/fakeHandlers'

const ctx: CallContext = userContext('administrator', { fullName: 'Тест Операторов' })

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createDispatcher', () => {
  it('calls the handler with the parsed input (defaults filled, strings trimmed) and the context', async () => {
    const { handlers, calls } = recordingHandlers({ 'sectors.list': async () => [{ id: 1 }] })
    const dispatch = createDispatcher(handlers, vi.fn())

    expect(await dispatch('sectors.list', undefined, ctx)).toEqual({ ok: true, data: [{ id: 1 }] })
    await dispatch(
      'sectors.create',
      { code: ' tourism ', nameKk: ' Туризм', nameRu: 'Туризм ', nameEn: 'Tourism' },
      ctx,
    )

    expect(calls).toEqual([
      { method: 'sectors.list', input: { includeInactive: true }, ctx },
      {
        method: 'sectors.create',
        input: { code: 'tourism', nameKk: 'Туризм', nameRu: 'Туризм', nameEn: 'Tourism' },
        ctx,
      },
    ])
  })

  it('answers unknown_method for a name outside the contract, calling nothing', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatch = createDispatcher(handlers, vi.fn())
    for (const method of ['sectors.delete', 'constructor', 'toString', '__proto__', '']) {
      expect(await dispatch(method, {}, ctx)).toEqual({
        ok: false,
        error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] },
      })
    }
    expect(calls).toEqual([])
  })

  it('refuses invalid input with a validation error and never calls the handler', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatch = createDispatcher(handlers, vi.fn())

    const result = await dispatch('sectors.create', { code: 'BAD', nameKk: '', nameRu: 'Ру', nameEn: 'En' }, ctx)

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.validation',
        issues: [
          { path: ['code'], messageKey: 'validation.sectorCode' },
          { path: ['nameKk'], messageKey: 'validation.required', params: { min: 1 } },
        ],
      },
    })
    expect(await dispatch('sectors.move', { id: 1, direction: 'up', extra: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(calls).toEqual([])
  })

  it('turns a DomainError into its own code, key and issues without logging it', async () => {
    const log = vi.fn()
    const { handlers } = recordingHandlers({
      'sectors.update': async () => {
        throw new DomainError('not_found', 'errors.sectorNotFound')
      },
      'sectors.create': async () => {
        throw new DomainError('validation', 'errors.validation', [
          { path: ['code'], messageKey: 'validation.sectorCodeTaken' },
        ])
      },
    })
    const dispatch = createDispatcher(handlers, log)

    expect(
      await dispatch('sectors.update', { id: 9, nameKk: 'a', nameRu: 'b', nameEn: 'c', active: true }, ctx),
    ).toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.sectorNotFound', issues: [] },
    })
    expect(await dispatch('sectors.create', { code: 'land', nameKk: 'a', nameRu: 'b', nameEn: 'c' }, ctx)).toEqual({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.validation',
        issues: [{ path: ['code'], messageKey: 'validation.sectorCodeTaken' }],
      },
    })
    expect(log).not.toHaveBeenCalled()
  })

  it('hides any other exception as internal / errors.internal and logs it', async () => {
    const log = vi.fn()
    const boom = new Error('SQLITE_CORRUPT: secret details')
    const { handlers } = recordingHandlers({
      'app.info': async () => {
        throw boom
      },
    })
    const dispatch = createDispatcher(handlers, log)

    const result = await dispatch('app.info', {}, ctx)

    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', issues: [] } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(log).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith('API app.info failed', boom)
  })

  it('runs calls one at a time: the second starts only after the first has finished', async () => {
    const events: string[] = []
    const gate = deferred()
    const { handlers } = recordingHandlers({
      'sectors.create': async () => {
        events.push('first:start')
        await gate.promise
        events.push('first:end')
        return 'first'
      },
      'sectors.list': async () => {
        events.push('second:start')
        return 'second'
      },
    })
    const dispatch = createDispatcher(handlers, vi.fn())

    const first = dispatch('sectors.create', { code: 'tourism', nameKk: 'a', nameRu: 'b', nameEn: 'c' }, ctx)
    const second = dispatch('sectors.list', {}, ctx)
    // Let every pending microtask and a macrotask run: the second must still be waiting.
    await new Promise((r) => setTimeout(r, 20))
    expect(events).toEqual(['first:start'])

    gate.resolve()
    expect(await second).toEqual({ ok: true, data: 'second' })
    expect(await first).toEqual({ ok: true, data: 'first' })
    expect(events).toEqual(['first:start', 'first:end', 'second:start'])
  })

  it('runs calls side by side when the engine allows it (PostgreSQL: not one at a time)', async () => {
    const events: string[] = []
    const gate = deferred()
    const { handlers } = recordingHandlers({
      'sectors.create': async () => {
        events.push('first:start')
        await gate.promise
        events.push('first:end')
        return 'first'
      },
      'sectors.list': async () => {
        events.push('second:start')
        return 'second'
      },
    })
    const dispatch = createDispatcher(handlers, vi.fn(), undefined, false)

    const first = dispatch('sectors.create', { code: 'tourism', nameKk: 'a', nameRu: 'b', nameEn: 'c' }, ctx)
    // the second is answered while the first still waits
    expect(await dispatch('sectors.list', {}, ctx)).toEqual({ ok: true, data: 'second' })
    expect(events).toEqual(['first:start', 'second:start'])
    gate.resolve()
    expect(await first).toEqual({ ok: true, data: 'first' })
  })

  it('keeps serving after a call that failed', async () => {
    const gate = deferred()
    const events: string[] = []
    const { handlers } = recordingHandlers({
      'app.info': async () => {
        events.push('failing:start')
        await gate.promise
        events.push('failing:end')
        throw new Error('boom')
      },
      'sectors.list': async () => {
        events.push('next:start')
        return []
      },
    })
    const dispatch = createDispatcher(handlers, vi.fn())

    const failing = dispatch('app.info', {}, ctx)
    const next = dispatch('sectors.list', {}, ctx)
    await new Promise((r) => setTimeout(r, 20))
    expect(events).toEqual(['failing:start'])
    gate.resolve()

    expect(await failing).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(await next).toEqual({ ok: true, data: [] })
    expect(events).toEqual(['failing:start', 'failing:end', 'next:start'])
  })
})
