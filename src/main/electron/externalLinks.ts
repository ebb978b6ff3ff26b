import type { MessageBoxOptions } from 'electron'
import { translate, type Language } from '@shared/i18n'

/** A link the window asked to open outside the app: refused, or allowed with the host to show. */
export type ExternalLinkDecision = { open: false } | { open: true; url: string; host: string }

/**
 * Which links may leave the app for the system browser: only http and https, with a host and
 * no user name or password in them (`https://gov.kz@elsewhere.example` reads like a trusted
 * site but goes elsewhere). Meeting broadcast links come from imported packages as well as
 * from the form, so every other scheme (file:, smb:, ms-… handlers, javascript:) is refused:
 * on Windows those can run programs.
 */
export function externalLinkDecision(raw: string): ExternalLinkDecision {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { open: false }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { open: false }
  if (!url.hostname || url.username || url.password) return { open: false }
  return { open: true, url: url.href, host: url.host }
}

/** The confirmation shown before a link opens in the browser: the host in large type. */
export function externalLinkPrompt(host: string, url: string, lang: Language): MessageBoxOptions {
  return {
    type: 'question',
    title: translate(lang, 'desktop.openLink.title'),
    message: translate(lang, 'desktop.openLink.message', { host }),
    detail: translate(lang, 'desktop.openLink.detail', { url }),
    buttons: [translate(lang, 'desktop.openLink.open'), translate(lang, 'desktop.openLink.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
}

export interface ExternalLinkDeps {
  /** The interface language the user chose (kept in the database's preferences). */
  language(): Promise<Language>
  /** Shows the prompt; answers the index of the button pressed. */
  confirm(options: MessageBoxOptions): Promise<number>
  openExternal(url: string): Promise<void>
}

/**
 * Opens a link in the system browser if it is allowed and the user confirms seeing its host.
 * Resolves to whether it was opened.
 */
export async function openExternalLink(raw: string, deps: ExternalLinkDeps): Promise<boolean> {
  const decision = externalLinkDecision(raw)
  if (!decision.open) return false
  const pressed = await deps.confirm(externalLinkPrompt(decision.host, decision.url, await deps.language()))
  if (pressed !== 0) return false
  await deps.openExternal(decision.url)
  return true
}
