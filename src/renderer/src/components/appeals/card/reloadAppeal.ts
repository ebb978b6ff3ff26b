import type { Appeal } from '@shared/api/contract'
import { call } from '../../../api/client'

/**
 * The "reload" of a card dialog whose save was refused as stale (another desk changed the
 * appeal first): the card as it now stands replaces the one the dialog was opened on, and the
 * dialog closes with it (onDone). A failed read leaves the dialog and its message as they are.
 */
export const reloadInto = (id: number, onDone: (appeal: Appeal) => void) => () =>
  void call('appeals.get', { id })
    .then(onDone)
    .catch(() => undefined)
