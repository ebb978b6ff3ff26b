import { createPrivateKey, X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { integer, objectId, time } from '../../src/main/server/der'
import { makeSelfSignedCertificate } from '../../src/main/server/selfSignedCertificate'

const NOW = new Date('2026-12-07T10:00:00Z')

describe('DER writer', () => {
  it('writes integers minimal and non-negative, object ids and times as X.509 wants them', () => {
    expect(integer(2).toString('hex')).toBe('020102')
    expect(integer(Buffer.from([0x00, 0x00, 0x7f])).toString('hex')).toBe('02017f')
    expect(integer(Buffer.from([0x80])).toString('hex')).toBe('02020080')
    expect(objectId('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302')
    expect(time(new Date('2049-12-31T23:59:59Z')).toString('ascii').slice(2)).toBe('491231235959Z')
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('ascii').slice(2)).toBe('20500101000000Z')
  })
})

describe('self-signed certificate', () => {
  const made = makeSelfSignedCertificate({
    names: ['akimat-server', 'localhost', '127.0.0.1', '192.168.1.10', '::1', 'fe80::1:2'],
    now: NOW,
    days: 3650,
  })
  const cert = new X509Certificate(made.certPem)

  it('is signed by its own key, which the key file holds', () => {
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(cert.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true)
    expect(cert.issuer).toBe(cert.subject)
    expect(cert.subject).toContain('CN=akimat-server')
  })

  it('names every host name and address, and serves TLS servers only (not a CA)', () => {
    expect(cert.subjectAltName).toBe(
      'DNS:akimat-server, DNS:localhost, IP Address:127.0.0.1, IP Address:192.168.1.10, IP Address:0:0:0:0:0:0:0:1, IP Address:FE80:0:0:0:0:0:1:2',
    )
    expect(cert.checkHost('akimat-server')).toBe('akimat-server')
    expect(cert.checkIP('192.168.1.10')).toBe('192.168.1.10')
    expect(cert.checkIP('10.0.0.1')).toBeUndefined()
    expect(cert.ca).toBe(false)
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1'])
  })

  it('is valid from a day before it was made for the days asked', () => {
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-12-06T10:00:00.000Z')
    expect(new Date(cert.validTo).toISOString()).toBe('2036-12-04T10:00:00.000Z')
  })

  it('is new each time: another key, another serial, another fingerprint', () => {
    const again = new X509Certificate(makeSelfSignedCertificate({ names: ['localhost'], now: NOW, days: 1 }).certPem)
    expect(again.fingerprint256).not.toBe(cert.fingerprint256)
    expect(again.serialNumber).not.toBe(cert.serialNumber)
    expect(cert.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })
})
