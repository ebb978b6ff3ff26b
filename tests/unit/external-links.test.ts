import { describe, expect, it, vi } from 'vitest'
import type { MessageBoxOptions } from 'electron'
import {
  externalLinkDecision,
  externalLinkPrompt,
  openExternalLink,
  type ExternalLinkDeps,
} from '../../src/main/electron/externalLinks'
import { LANGUAGES, type Language } from '@shared/i18n'

vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

describe('which links may open in the browser', () => {
  it.each([
    ['https://www.youtube.com/live/abc?t=1', 'www.youtube.com'],
    ['http://akimat.example.kz:8080/stream', 'akimat.example.kz:8080'],
    ['HTTPS://Example.KZ/', 'example.kz'],
  ])('opens %s, showing its host %s', (url, host) => {
    expect(externalLinkDecision(url)).toMatchObject({ open: true, host })
  })

  // a Cyrillic “а” in place of the Latin one
  it('shows an internationalised host in its ASCII form, so a look-alike cannot pass for another', () => {
    expect(externalLinkDecision('https://\u0430kimat.kz/')).toMatchObject({ open: true, host: 'xn--kimat-3ve.kz' })
  })

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share/run.exe',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'app://desk/index.html',
    'mailto:akim@example.kz',
    'https://gov.kz@evil.example/',
    'https://user:secret@example.kz/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(externalLinkDecision(url)).toEqual({ open: false })
  })
})

describe('the confirmation before a link opens', () => {
  it.each(LANGUAGES)('names the host, and the full link, in %s', (lang) => {
    const prompt = externalLinkPrompt('www.youtube.com', 'https://www.youtube.com/live/abc', lang)
    expect(prompt.message).toContain('www.youtube.com')
    expect(prompt.detail).toContain('https://www.youtube.com/live/abc')
    expect(prompt.message).not.toContain('{{')
    expect(prompt.buttons).toHaveLength(2)
    // Enter and Escape both cancel: opening takes a deliberate click
    expect(prompt.defaultId).toBe(1)
    expect(prompt.cancelId).toBe(1)
  })

  it('speaks the user’s language', () => {
    const titles = LANGUAGES.map((lang) => externalLinkPrompt('a.kz', 'https://a.kz/', lang).title)
    expect(new Set(titles).size).toBe(3)
  })
})

describe('opening a link', () => {
  function deps(pressed: number, lang: Language = 'ru') {
    const shown: MessageBoxOptions[] = []
    const opened: string[] = []
    const d: ExternalLinkDeps = {
      language: async () => lang,
      confirm: async (options) => {
        shown.push(options)
        return pressed
      },
      openExternal: async (url) => {
        opened.push(url)
      },
    }
    return { d, shown, opened }
  }

  it('opens an http(s) link once the user confirms, in the user’s language', async () => {
    const { d, shown, opened } = deps(0, 'kk')
    expect(await openExternalLink('https://www.youtube.com/live/abc', d)).toBe(true)
    expect(opened).toEqual(['https://www.youtube.com/live/abc'])
    expect(shown[0]?.message).toBe(externalLinkPrompt('www.youtube.com', '', 'kk').message)
  })

  it('opens nothing when the user cancels', async () => {
    const { d, opened } = deps(1)
    expect(await openExternalLink('https://www.youtube.com/live/abc', d)).toBe(false)
    expect(opened).toEqual([])
  })

  it('never asks about, nor opens, a refused link', async () => {
    const { d, shown, opened } = deps(0)
    expect(await openExternalLink('file:///C:/Windows/System32/calc.exe', d)).toBe(false)
    expect(shown).toEqual([])
    expect(opened).toEqual([])
  })
})
