import { describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import { API_METHODS, ipcChannel } from '@shared/api/methods'

describe('API method list and contract', () => {
  it('lists each method once', () => {
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length)
    expect(API_METHODS.length).toBeGreaterThan(0)
  })

  it('has a contract entry for every method, and no entry that is not a method', () => {
    expect(Object.keys(contract).sort()).toEqual([...API_METHODS].sort())
  })

  it.each(API_METHODS)('%s has an input schema that refuses unknown keys', (method) => {
    const schema = contract[method].input
    expect(typeof schema.safeParse).toBe('function')
    const result = schema.safeParse({ surelyNotAField: 1 })
    expect(result.success).toBe(false)
    expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true)
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
