import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { APP_HOME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from '../../src/main/electron/appProtocol'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp'

// The handler is plain Node (Request in, Response out): nothing may load Electron at runtime.
vi.mock('electron', () => {
  throw new Error('the electron runtime module was imported')
})

describe('the app:// protocol handler', () => {
  let base: string
  let serve: ReturnType<typeof appProtocolHandler>
  const get = (url: string, method = 'GET') => serve({ url, method })

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'akimat-app-protocol-'))
    const renderer = join(base, 'renderer')
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Akimat Desk</title>')
    writeFileSync(join(renderer, 'assets', 'index-abc123.js'), 'console.log(1)')
    writeFileSync(join(renderer, 'assets', 'index-abc123.css'), 'body{}')
    writeFileSync(join(renderer, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
    writeFileSync(join(base, 'secret.txt'), 'personal data outside the renderer')
    writeFileSync(join(base, 'renderer-evil.html'), 'beside the renderer, not in it')
    serve = appProtocolHandler(renderer)
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it('serves the page with the CSP and the other security headers', async () => {
    const res = await get(APP_HOME)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Akimat Desk</title>')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('serves the root and ignores the query and the hash route', async () => {
    expect((await get('app://desk/')).headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect((await get('app://desk/index.html?x=1#/appeals')).status).toBe(200)
  })

  it('gives each asset its MIME type, and the CSP with it', async () => {
    const js = await get('app://desk/assets/index-abc123.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await get('app://desk/assets/index-abc123.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
    const font = await get('app://desk/assets/font.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(Buffer.from(await font.arrayBuffer())).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_HOME, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get(APP_HOME, 'POST')).status).toBe(405)
  })

  it.each([
    ['a file that does not exist', 'app://desk/assets/missing.js'],
    ['a client route as a path (the app routes by hash)', 'app://desk/appeals'],
    ['a folder', 'app://desk/assets'],
    ['an encoded climb out of the folder', 'app://desk/assets/..%2F..%2Fsecret.txt'],
    ['an encoded climb from the root', 'app://desk/%2e%2e/secret.txt'],
    ['a sibling whose name starts like the folder', 'app://desk/..%2Frenderer-evil.html'],
    ['a backslash', 'app://desk/assets%5C..%5C..%5Csecret.txt'],
    ['a colon (drive letter or stream)', 'app://desk/C:%2FWindows%2Fwin.ini'],
    ['a NUL', 'app://desk/index.html%00.js'],
    ['a broken escape', 'app://desk/%E0%A4%A'],
    ['another host', 'app://elsewhere/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('answers 404 for %s', async (_what, url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('personal data')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it.runIf(process.platform !== 'win32')(
    'refuses a backslash or a colon even when a file of that name exists (Windows reads them as path parts)',
    async () => {
      const renderer = join(base, 'renderer')
      writeFileSync(join(renderer, 'assets\\..\\index.html'), 'a name Windows would resolve upwards')
      writeFileSync(join(renderer, 'C:stream.js'), 'a name Windows would read as a drive')
      expect((await get('app://desk/assets%5C..%5Cindex.html')).status).toBe(404)
      expect((await get('app://desk/C:stream.js')).status).toBe(404)
      expect((await get('app://desk/C%3Astream.js')).status).toBe(404)
    },
  )

  it('never lets another origin read a response (no CORS allowance)', async () => {
    for (const url of [APP_HOME, 'app://desk/assets/index-abc123.js', 'app://desk/missing']) {
      expect((await get(url)).headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('is registered as a standard, secure scheme with CORS-mode loads (module scripts), nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    })
    expect(APP_HOME).toBe('app://desk/index.html')
  })
})
