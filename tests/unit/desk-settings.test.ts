import { describe, expect, it } from 'vitest'
import { DomainError } from '@shared/api/errors'
import { parseServerAddress } from '../../src/main/desk/serverAddress'
import { parseDeskSettings, statusOf } from '../../src/main/desk/deskSettings'

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':')

function refusal(typed: string): string | undefined {
  try {
    parseServerAddress(typed)
  } catch (error) {
    if (error instanceof DomainError) {
      expect(error.issues[0]?.path).toEqual(['address'])
      return error.issues[0]?.messageKey
    }
    throw error
  }
  return undefined
}

describe('the office server address a clerk types', () => {
  it.each([
    ['akimat-server', 'https://akimat-server:4780', 'akimat-server', 4780],
    ['  Akimat-Server  ', 'https://akimat-server:4780', 'akimat-server', 4780],
    ['192.168.1.10:4781', 'https://192.168.1.10:4781', '192.168.1.10', 4781],
    ['https://akimat-server:4780/', 'https://akimat-server:4780', 'akimat-server', 4780],
    ['HTTPS://akimat-server', 'https://akimat-server:4780', 'akimat-server', 4780],
    ['https://akimat.example.kz:443', 'https://akimat.example.kz:443', 'akimat.example.kz', 443],
    ['[fe80::1]:4780', 'https://[fe80::1]:4780', 'fe80::1', 4780],
  ])('%s → %s', (typed, origin, host, port) => {
    expect(parseServerAddress(typed)).toEqual({ origin, host, port })
  })

  it.each([
    ['', 'validation.required'],
    ['   ', 'validation.required'],
    ['http://akimat-server:4780', 'desk.address.httpsOnly'],
    ['ftp://akimat-server', 'desk.address.httpsOnly'],
    ['https://akimat-server:4780/api/appeals.list', 'desk.address.hostOnly'],
    ['akimat-server/?token=1', 'desk.address.hostOnly'],
    ['admin:secret@akimat-server', 'desk.address.hostOnly'],
    ['akimat-server:99999', 'desk.address.invalid'],
    ['akimat-server:0', 'desk.address.invalid'],
    ['akimat server', 'desk.address.invalid'],
  ])('refuses %j (%s)', (typed, key) => {
    expect(refusal(typed)).toBe(key)
  })
})

describe('the desk settings file', () => {
  it('reads this PC alone and a pinned server', () => {
    expect(statusOf(parseDeskSettings('{"version":1,"mode":"local","chosenAt":"2026-12-07T10:00:00.000Z"}'))).toEqual({
      mode: 'local',
      address: null,
      fingerprint256: null,
    })
    const server = JSON.stringify({
      version: 1,
      mode: 'server',
      address: 'https://akimat-server:4780',
      fingerprint256: FINGERPRINT,
      trustedAt: '2026-12-07T10:00:00.000Z',
    })
    expect(statusOf(parseDeskSettings(server))).toEqual({
      mode: 'server',
      address: 'https://akimat-server:4780',
      fingerprint256: FINGERPRINT,
    })
    expect(statusOf(null)).toEqual({ mode: 'unset', address: null, fingerprint256: null })
  })

  it.each([
    ['not JSON', '{"mode":'],
    ['an unknown mode', '{"version":1,"mode":"cloud","chosenAt":"x"}'],
    ['a later version', '{"version":2,"mode":"local","chosenAt":"x"}'],
    [
      'an address not in its kept form',
      JSON.stringify({
        version: 1,
        mode: 'server',
        address: 'akimat-server',
        fingerprint256: FINGERPRINT,
        trustedAt: 'x',
      }),
    ],
    [
      'a plain-HTTP address',
      JSON.stringify({
        version: 1,
        mode: 'server',
        address: 'http://akimat-server:4780',
        fingerprint256: FINGERPRINT,
        trustedAt: 'x',
      }),
    ],
    [
      'a fingerprint cut short',
      JSON.stringify({
        version: 1,
        mode: 'server',
        address: 'https://akimat-server:4780',
        fingerprint256: FINGERPRINT.slice(3),
        trustedAt: 'x',
      }),
    ],
    [
      'a server without a fingerprint',
      JSON.stringify({ version: 1, mode: 'server', address: 'https://akimat-server:4780', trustedAt: 'x' }),
    ],
  ])('refuses %s', (_what, text) => {
    expect(() => parseDeskSettings(text)).toThrow(/desk settings file/)
  })
})
