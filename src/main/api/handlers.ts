import type { ApiMethod } from '@shared/api/methods'
import type { ApiOutput, ApiParsedInput } from '@shared/api/contract'
import type { CallContext } from '../services/context'
import type { Core } from '../core'

export type Handler<M extends ApiMethod> = (input: ApiParsedInput<M>, ctx: CallContext) => Promise<ApiOutput<M>>

/** One handler per contract method: a missing or mistyped handler fails to compile. */
export type Handlers = { [M in ApiMethod]: Handler<M> }

/** Maps each method to its use case. Handlers stay one line: the work lives in services. */
export function createHandlers(core: Core): Handlers {
  const { sectors, preferences } = core.services
  return {
    'app.info': async (_input, ctx) => ({
      version: core.version,
      schemaVersion: core.database.schemaVersion,
      databaseFile: core.database.file,
      door: ctx.door,
    }),
    'preferences.get': () => preferences.get(),
    'preferences.update': (input) => preferences.update(input),
    'sectors.list': (input) => sectors.list(input),
    'sectors.create': (input, ctx) => sectors.create(input, ctx),
    'sectors.update': (input, ctx) => sectors.update(input, ctx),
    'sectors.move': (input, ctx) => sectors.move(input, ctx),
  }
}
