import type { ApiResult } from '@shared/api/errors'

const refusal = (
  code: 'unreachable' | 'certificate_changed' | 'internal',
  messageKey: string,
  detailKey: string,
  address: string,
): ApiResult<never> => ({
  ok: false,
  error: { code, messageKey, issues: [{ path: [], messageKey: detailKey, params: { address } }] },
})

/**
 * The desk's own refusals of a call to the office server, each naming the server's address.
 * Nothing of the call was done on this computer in any of them.
 */
export const deskRefusal = {
  /** No connection, a timeout or a dropped connection: the page says so and tries again. */
  unreachable: (address: string) => refusal('unreachable', 'desk.unreachable', 'desk.unreachableAt', address),
  /** Another certificate than the trusted one: refused before anything was sent, never re-trusted silently. */
  certificateChanged: (address: string) =>
    refusal('certificate_changed', 'desk.certificateChanged', 'desk.certificateChangedAt', address),
  /** Something answers at the address, but not an Akimat Desk office server. */
  notOfficeServer: (address: string) => refusal('internal', 'desk.notOfficeServer', 'desk.serverAt', address),
}
