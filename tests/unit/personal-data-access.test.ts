import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '@shared/auth/roles'
import type { CallContext } from '../../src/main/services/context'
import { checkIdNumberSearch, seesPersonalData } from '../../src/main/services/personalData'

const as = (role: Role): CallContext => ({
  door: 'web',
  operator: role,
  user: { id: 1, username: role, fullName: role, role, staffId: null },
})
/** The core's own calls (command line, sample loader): no user. */
const CORE: CallContext = { door: 'desktop', operator: null }

describe('seesPersonalData', () => {
  it('is true for administrator, head and clerk, false for press and viewer', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, seesPersonalData(as(role))]))).toEqual({
      administrator: true,
      head: true,
      clerk: true,
      press: false,
      viewer: false,
    })
  })

  it('is true for a call the core makes itself, with no user', () => {
    expect(seesPersonalData(CORE)).toBe(true)
    expect(seesPersonalData({ ...CORE, user: null })).toBe(true)
  })
})

describe('checkIdNumberSearch', () => {
  const refused = (ctx: CallContext, query: string, digitsOnly: boolean) => {
    try {
      checkIdNumberSearch(ctx, query, digitsOnly)
      return false
    } catch {
      return true
    }
  }

  it('refuses any digits to the look-up of a role without the right, and nothing else', () => {
    for (const query of ['90', '9005', '900515301234', '900515 301234'])
      expect(refused(as('viewer'), query, true)).toBe(true)
    for (const query of ['Жұмабеков', 'Жұмабеков 9005']) expect(refused(as('viewer'), query, true)).toBe(false)
    expect(refused(as('clerk'), '9005', true)).toBe(false)
  })

  it('refuses twelve digits to the list search of a role without the right, not fewer', () => {
    expect(refused(as('press'), 'Жұмабеков 900515301234', false)).toBe(true)
    expect(refused(as('press'), '900515 301234', false)).toBe(true)
    expect(refused(as('press'), '2026-000012', false)).toBe(false)
    expect(refused(as('press'), '90051530123', false)).toBe(false)
    expect(refused(as('head'), '900515301234', false)).toBe(false)
    expect(refused(CORE, '900515301234', false)).toBe(false)
  })
})
