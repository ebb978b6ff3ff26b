import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  callApi,
  launchChromium,
  newWatchedPage,
  screenshot,
  startWebApp,
  toasts,
  usePageSession,
  type WebApp,
} from './harness'

/**
 * One person under two spellings, in Chromium: the appeal card offers the applicant's other
 * spellings, the clerk merges them from the keyboard, the other appeal's card records the merge
 * with the name it had, and the list reads one name; in Kazakh, then the dialog in Russian.
 */
describe('merging duplicate applicants in Chromium', () => {
  let app: WebApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const ids: Record<'namesake' | 'noIin' | 'withIin', number> = { namesake: 0, noIin: 0, withIin: 0 }

  beforeAll(async () => {
    app = await startWebApp()
    const sectors = await callApi<{ id: number; code: string }[]>(app, 'sectors.list', {})
    const register = async (receivedAt: string, applicant: Record<string, unknown>, summary: string) =>
      (
        await callApi<{ id: number }>(app, 'appeals.create', {
          receivedAt,
          channel: 'reception',
          appealType: 'application',
          sectorId: sectors.find((s) => s.code === 'housing')!.id,
          applicant: { kind: 'individual', ...applicant },
          summary,
        })
      ).id
    // another man of the same name (another IIN): offered, not ticked
    ids.namesake = await register(
      '2026-01-05T10:00',
      { surname: 'Ахметов', firstName: 'Серік', patronymic: 'Маратұлы', iin: '780302305559' },
      'Жер телімі туралы',
    )
    ids.noIin = await register(
      '2026-01-12T10:00',
      { surname: 'Ахметов', firstName: 'Серик', phone: '+7 705 000 1122' },
      'Көше жарығы туралы',
    )
    ids.withIin = await register(
      '2026-01-20T10:00',
      { surname: 'Ахметов', firstName: 'Серік', patronymic: 'Болатұлы', iin: '900515301234' },
      'Су құбыры туралы',
    )
    browser = await launchChromium()
    page = await newWatchedPage(browser, errors)
    await usePageSession(page, app)
    await page.goto(app.url)
    await page.getByTestId('language-switch').waitFor()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const openCard = async (id: number) => {
    await page.evaluate((to) => {
      window.location.hash = to
    }, `#/appeals/${id}`)
    await page.getByTestId('appeal-details').waitFor()
  }
  /** Tab until the focus is inside `testId` (the keyboard's own way there); fails after 20 presses. */
  const tabInto = async (testId: string) => {
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab')
      const inside = await page.evaluate(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement) ?? false,
        testId,
      )
      if (inside) return
    }
    throw new Error(`Tab never reached ${testId}`)
  }

  it('offers the other spellings on the card and merges them by keyboard', async () => {
    await openCard(ids.withIin)
    const button = page.getByTestId('possible-duplicates')
    await expect.poll(() => button.innerText()).toBe('Ықтимал қайталанулар: 2')
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.locator('.ant-modal:visible')
    await dialog.getByText('Бір адам, әртүрлі жазылу').waitFor()
    const result = page.getByTestId('merge-result')
    // the namesake under another IIN starts unticked: two appeals, the IIN on record kept
    await expect
      .poll(() => result.innerText())
      .toBe('Біріктірілгеннен кейін: Ахметов Серік Болатұлы, ЖСН/БСН 900515•••••4, 2 өтініш')
    await screenshot(page, 'kk-merge-dialog')

    // the arrow keys move the kept name; back to the spelling with Kazakh letters
    await tabInto('merge-keep-name')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => result.innerText()).toContain('Ахметов Серик,')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => result.innerText()).toContain('Ахметов Серік Болатұлы,')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => toasts(page).first().innerText()).toBe('Біріктірілді: 1 өтініш өзгерді')
    await dialog.waitFor({ state: 'detached' })
    // only the namesake is left to offer
    await expect.poll(() => button.innerText()).toBe('Ықтимал қайталанулар: 1')
  })

  it('the other appeal reads the kept name, its history the one it had', async () => {
    await openCard(ids.noIin)
    const details = page.getByTestId('appeal-details')
    await expect.poll(() => details.innerText()).toContain('Ахметов Серік Болатұлы')
    const history = page.getByTestId('history')
    await expect.poll(() => history.innerText()).toContain('Өтініш берушінің жазылулары біріктірілді')
    await expect(history.innerText()).resolves.toContain('Ахметов Серик → Ахметов Серік Болатұлы')
    await screenshot(page, 'kk-merge-history')
  })

  it('the list finds both appeals under one name', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/appeals'
    })
    await page.getByLabel('Нөмір, өтініш беруші, ЖСН, телефон, мекенжай немесе мазмұны бойынша іздеу').fill('Серик')
    const rows = page.locator('[data-testid="appeals-table"] .ant-table-row')
    await expect.poll(() => rows.count()).toBe(3)
    const text = await page.getByTestId('appeals-table').innerText()
    expect(text.match(/Ахметов Серік Болатұлы/g)).toHaveLength(2)
    expect(text).toContain('Ахметов Серік Маратұлы')
    expect(text).not.toContain('Ахметов Серик ')
    await screenshot(page, 'kk-merge-list')
  })

  it('in Russian', async () => {
    await page.getByTestId('language-switch').getByText('Русский', { exact: true }).click()
    await openCard(ids.namesake)
    const button = page.getByTestId('possible-duplicates')
    await expect.poll(() => button.innerText()).toBe('Возможные дубликаты: 1')
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.locator('.ant-modal:visible')
    await dialog.getByText('Один человек, разные написания').waitFor()
    await expect
      .poll(() => page.getByTestId('merge-variants').innerText())
      .toMatch(/Ахметов Серік Маратұлы.*это обращение[\s\S]*Ахметов Серік Болатұлы.*то же имя/)
    await screenshot(page, 'ru-merge-dialog')
    // nothing changed: Esc closes without asking
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })
})
