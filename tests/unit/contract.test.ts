import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { API_METHODS, ipcChannel } from '@shared/api/methods'

interface SchemaDef {
  type: string
  catchall?: { def: SchemaDef }
  options?: { def: SchemaDef }[]
  in?: { def: SchemaDef }
  innerType?: { def: SchemaDef }
}

/**
 * True when every object the input can take refuses unknown keys (zod's .strict() sets the
 * catchall to never). Looks through unions, pipes and defaults; anything else is not an
 * object input and fails, so that a new kind of schema is looked at.
 */
function objectShapesAreStrict(schema: { def: unknown }): boolean {
  const def = schema.def as SchemaDef
  switch (def.type) {
    case 'object':
      return def.catchall?.def.type === 'never'
    case 'union':
      return (def.options ?? []).every((option) => objectShapesAreStrict(option))
    case 'pipe':
      return objectShapesAreStrict(def.in!)
    case 'default':
    case 'prefault':
    case 'optional':
      return objectShapesAreStrict(def.innerType!)
    default:
      return false
  }
}

describe('API method list and contract', () => {
  it('lists each method once', () => {
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length)
  })

  it.each(API_METHODS)('%s has an input schema that refuses unknown keys', (method) => {
    const schema = contract[method].input
    expect(objectShapesAreStrict(schema), 'every object in the input schema must be .strict()').toBe(true)
    expect(schema.safeParse({ surelyNotAField: 1 }).success).toBe(false)
  })

  it.each(API_METHODS)('%s is named group.action', (method) => {
    expect(method).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/)
  })
})

describe('ipcChannel', () => {
  it('is api:<method>', () => {
    expect(ipcChannel('sectors.list')).toBe('api:sectors.list')
    for (const method of API_METHODS) expect(ipcChannel(method)).toBe(`api:${method}`)
  })

  it('gives every method its own channel', () => {
    expect(new Set(API_METHODS.map(ipcChannel)).size).toBe(API_METHODS.length)
  })
})
