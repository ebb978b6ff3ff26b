import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type { PassphraseState } from '@shared/api/contract'
import { DomainError } from '@shared/api/errors'
import { recordAudit } from '../services/audit'
import type { CallContext, Clock } from '../services/context'
import type { SettingsStore } from '../services/settingsStore'
import { DecryptionError, DEFAULT_KDF, deriveKeys, type KdfParams } from './format'
import { transaction } from '../db/transaction'

/** Settings key of the passphrase's verifier (never the passphrase). */
export const PASSPHRASE_KEY = 'office.passphrase'

/** What is kept to check a passphrase: scrypt's output for it, with the salt and parameters used. */
interface Verifier {
  kdf: KdfParams
  salt: string
  hash: string
  setAt: string
}

/** A refusal naming the passphrase field (or the file), in kk/ru/en under passphraseUi.errors. */
export const passphraseRefused = (reason: 'required' | 'notOffice' | 'wrong' | 'damaged', field = 'passphrase') =>
  new DomainError('validation', 'errors.validation', [{ path: [field], messageKey: `passphraseUi.errors.${reason}` }])

/** A DecryptionError told as the refusal of the field it concerns; anything else passes through. */
export function decryptionRefusal(error: unknown, fileField: string): unknown {
  if (!(error instanceof DecryptionError)) return error
  return error.reason === 'wrongPassphrase' ? passphraseRefused('wrong') : passphraseRefused('damaged', fileField)
}

/**
 * The office passphrase that encrypted copies are made with. Only a verifier is stored, so a
 * copy can be made only by someone who types the passphrase, and a typo is refused before a
 * copy nobody can open is written.
 */
export class OfficePassphrase {
  constructor(
    private readonly db: DataSource,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
  ) {}

  async state(): Promise<PassphraseState> {
    const verifier = await this.settings.get<Verifier>(PASSPHRASE_KEY)
    return { set: verifier !== null, setAt: verifier?.setAt ?? null }
  }

  /**
   * Sets, changes (`current` must be the one set) or clears (`passphrase` null) the passphrase;
   * the history records that it was set, changed or cleared, never the value.
   */
  async change(current: string | null, passphrase: string | null, ctx: CallContext): Promise<PassphraseState> {
    const before = await this.settings.get<Verifier>(PASSPHRASE_KEY)
    if (before) await this.check(before, current, 'current')
    if (!before && passphrase === null) return this.state()
    const next = passphrase === null ? null : await makeVerifier(passphrase, this.clock().toISOString())
    await transaction(this.db, async (manager) => {
      await this.settings.set(PASSPHRASE_KEY, next, manager)
      await recordAudit(manager, ctx, [
        {
          entity: 'office',
          entityId: 'office',
          action: 'update',
          field: 'passphrase',
          oldValue: JSON.stringify(before ? 'set' : 'none'),
          newValue: JSON.stringify(next === null ? 'cleared' : before ? 'changed' : 'set'),
        },
      ])
    })
    return this.state()
  }

  /**
   * The passphrase a copy leaving the data folder is encrypted with: null when none is set
   * (the copy stays plain), else the one given, checked against the verifier.
   */
  async forCopy(given: string | null | undefined): Promise<string | null> {
    const verifier = await this.settings.get<Verifier>(PASSPHRASE_KEY)
    if (!verifier) return null
    await this.check(verifier, given ?? null, 'passphrase')
    return given!
  }

  private async check(verifier: Verifier, given: string | null, field: string): Promise<void> {
    if (!given) throw passphraseRefused('required', field)
    const { key, check } = await deriveKeys(given, Buffer.from(verifier.salt, 'base64'), verifier.kdf)
    const expected = Buffer.from(verifier.hash, 'base64')
    const hash = Buffer.concat([key, check])
    if (expected.length !== hash.length || !timingSafeEqual(expected, hash)) throw passphraseRefused('notOffice', field)
  }
}

async function makeVerifier(passphrase: string, setAt: string): Promise<Verifier | null> {
  const salt = randomBytes(16)
  const { key, check } = await deriveKeys(passphrase, salt, DEFAULT_KDF)
  return {
    kdf: DEFAULT_KDF,
    salt: salt.toString('base64'),
    hash: Buffer.concat([key, check]).toString('base64'),
    setAt,
  }
}
