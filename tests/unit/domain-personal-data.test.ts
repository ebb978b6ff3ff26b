import { describe, expect, it } from 'vitest'
import { maskAddress, maskIin, maskPhone } from '@shared/domain/personalData'

describe('maskIin', () => {
  it('keeps the first six digits and the last one of a 12-digit number', () => {
    expect(maskIin('900215301233')).toBe('900215•••••3')
    expect(maskIin('851203401116')).toBe('851203•••••6')
  })

  it('hides all but the last character of anything else, and passes empty values through', () => {
    expect(maskIin('12345')).toBe('••••5')
    expect(maskIin('')).toBe('')
    expect(maskIin(null)).toBeNull()
  })
})

describe('maskPhone', () => {
  it('keeps the last two digits and the way the number is written', () => {
    expect(maskPhone('+7 701 123 45 67')).toBe('+• ••• ••• •• 67')
    expect(maskPhone('87011234567')).toBe('•••••••••67')
    expect(maskPhone(null)).toBeNull()
  })
})

describe('maskAddress', () => {
  it('keeps the settlement and hides the street and house', () => {
    expect(maskAddress('Қоянды ауылы, Абай көшесі 12, 5-пәтер')).toBe('Қоянды ауылы, •••')
    expect(maskAddress('Абай көшесі 12')).toBe('Абай, •••')
    expect(maskAddress('Қоянды')).toBe('•••')
    expect(maskAddress(null)).toBeNull()
  })
})
