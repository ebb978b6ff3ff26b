import { describe, expect, it } from 'vitest'
import { maskAddress, maskIin, maskPhone } from '@shared/domain/personalData'

describe('maskIin', () => {
  it('keeps the first six digits and the last one of an IIN or BIN, five bullets between', () => {
    expect(maskIin('900215300123')).toBe('900215•••••3')
    expect(maskIin('051240001234')).toBe('051240•••••4')
    expect(maskIin('900215 300123')).toBe('900215•••••3')
  })

  it('keeps only the last character of a value that is not twelve digits', () => {
    expect(maskIin('12345')).toBe('••••5')
    expect(maskIin('7')).toBe('•')
  })

  it('never returns the hidden digits', () => {
    const masked = maskIin('851203401116')
    expect(masked).not.toContain('40111')
    expect(masked).toHaveLength(12)
  })
})

describe('maskPhone', () => {
  it('keeps the last two digits after a bullet per hidden digit, without the formatting', () => {
    expect(maskPhone('+7 701 123 4567')).toBe('•••••••••67')
    expect(maskPhone('8-701-123-45-67')).toBe('•••••••••67')
  })

  it('drops any words typed in the field', () => {
    expect(maskPhone('көршісі Әлия арқылы 87011234567')).toBe('•••••••••67')
  })

  it('keeps nothing of a value with fewer than three digits', () => {
    expect(maskPhone('12')).toBe('••')
    expect(maskPhone('жоқ')).toBe('••')
  })
})

describe('maskAddress', () => {
  it('keeps the settlement (the first word) only', () => {
    expect(maskAddress('Ақсу ауылы, Абай к-сі 12, 5 пәтер')).toBe('Ақсу •••')
    expect(maskAddress('Қарабас, Бейбітшілік 4')).toBe('Қарабас •••')
    expect(maskAddress('  Нур-Султан, пр. Абая 1')).toBe('Нур-Султан •••')
  })

  it('keeps nothing of an address that begins with a number', () => {
    expect(maskAddress('12 Абай көшесі')).toBe('•••')
    expect(maskAddress('')).toBe('•••')
  })
})
