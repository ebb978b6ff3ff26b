import { request } from 'node:http'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core'
import { SESSION_MODE_HEADER, startWebServer, TOKEN_HEADER, type WebServer } from '../../src/main/http/server'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp'
import { useCleanup } from '../helpers/cleanup'
import { startTestCore } from '../helpers/core'
import { ADMIN } from '../helpers/context'

const cleanup = useCleanup()
const TOKEN = 'test-token'
const INDEX_HTML = '<!doctype html><title>Akimat Desk test page</title><div id="root"></div>'
const SECRET = 'this file lies outside the static folder'

const ACCOUNT = {
  username: 'asem',
  fullName: 'Жұмағалиева Әсем',
  password: 'web-door-2026',
  role: 'administrator',
  staffId: null,
}

let core: Core
let server: WebServer
let base: string
/** The administrator's session, signed in through the server (a programmatic client's Bearer token). */
let session: string
let staticRoot: string

beforeEach(async () => {
  const dir = cleanup.tempDir()
  const staticDir = join(dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")')
  writeFileSync(join(dir, 'secret.txt'), SECRET)
  // A sibling whose name begins with the static folder's: a prefix check would let it through.
  mkdirSync(join(dir, 'renderer-old'))
  writeFileSync(join(dir, 'renderer-old', 'secret.txt'), SECRET)
  staticRoot = staticDir

  const opened = await startTestCore(join(dir, 'akimat.sqlite'))
  cleanup.defer(() => opened.close())
  core = opened
  const started = await startWebServer({ dispatch: core.dispatch, staticDir, port: 0, token: TOKEN })
  cleanup.defer(() => started.close())
  server = started
  base = `http://127.0.0.1:${server.port}`
  expect((await core.dispatch('users.create', ACCOUNT, ADMIN)).ok).toBe(true)
  const login = await fetch(`${base}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: TOKEN },
    body: JSON.stringify({ username: ACCOUNT.username, password: ACCOUNT.password }),
  })
  session = ((await login.json()) as { data: { session: string } }).data.session
}, 30_000)

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with nothing added by a client library: the exact path and headers given. */
function raw(options: {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const api = (
  method: string,
  body: unknown,
  headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${session}` },
) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

const sectorCount = async (): Promise<number> =>
  ((await core.database.dataSource.query('SELECT COUNT(*) AS n FROM sectors')) as { n: number }[])[0]!.n

describe('web server', () => {
  it('listens on 127.0.0.1 only and hands out the token in the URL fragment', () => {
    expect(server.url.startsWith('http://127.0.0.1:')).toBe(true)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`)
    expect(server.port).toBeGreaterThan(0)
    expect(server.token).toBe(TOKEN)
  })

  describe('API calls', () => {
    it('without a token: 401 unauthorized, and nothing is written', async () => {
      const res = await api(
        'sectors.create',
        { code: 'tourism', nameKk: 'Туризм', nameRu: 'Туризм', nameEn: 'Tourism' },
        {},
      )
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'unauthorized', messageKey: 'errors.unauthorized', issues: [] },
      })
      expect(await sectorCount()).toBe(8)
    })

    it.each(['wrong-token', 'TEST-TOKEN', 'test-tokenx', 'test-toke', ''])(
      'with the wrong token %j: 401',
      async (token) => {
        const res = await api('sectors.list', {}, { [TOKEN_HEADER]: token })
        expect(res.status).toBe(401)
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      },
    )

    it('with the token: 200 and the eight sectors', async () => {
      const res = await api('sectors.list', {})
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      const body = (await res.json()) as { ok: boolean; data: { code: string }[] }
      expect(body.ok).toBe(true)
      expect(body.data).toHaveLength(8)
      expect(body.data[0]?.code).toBe('social')
    })

    it('an empty body counts as an empty input', async () => {
      const res = await fetch(`${base}/api/app.info`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${session}` },
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ ok: true, data: { version: 'test', door: 'web' } })
    })

    it('writes through the web door with the shared core', async () => {
      const res = await api('sectors.create', {
        code: 'tourism',
        nameKk: 'Туризм',
        nameRu: 'Туризм',
        nameEn: 'Tourism',
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ ok: true, data: { code: 'tourism', sortOrder: 9 } })
      expect(await sectorCount()).toBe(9)
    })

    it('refuses a foreign Origin even with the right token (403), writing nothing', async () => {
      const res = await api(
        'sectors.create',
        { code: 'tourism', nameKk: 'Т', nameRu: 'Т', nameEn: 'T' },
        {
          [TOKEN_HEADER]: TOKEN,
          Origin: 'http://evil.example',
        },
      )
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      expect(await sectorCount()).toBe(8)
    })

    it('accepts its own Origin', async () => {
      const res = await api(
        'sectors.list',
        {},
        { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${session}`, Origin: base },
      )
      expect(res.status).toBe(200)
    })

    it.each(['evil.example', `evil.example:80`, '127.0.0.1', '127.0.0.1:1'])(
      'refuses the Host header %j (DNS rebinding) with 403',
      async (host) => {
        const res = await raw({
          method: 'POST',
          path: '/api/sectors.list',
          headers: { host, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
          body: '{}',
        })
        expect(res.status).toBe(403)
        expect(res.body).not.toContain('social')
      },
    )

    it('accepts the Host localhost:<port>', async () => {
      const res = await raw({
        method: 'POST',
        path: '/api/sectors.list',
        headers: { host: `localhost:${server.port}`, [TOKEN_HEADER]: TOKEN, authorization: `Bearer ${session}` },
        body: '{}',
      })
      expect(res.status).toBe(200)
    })

    it('answers 404 unknown_method for a method outside the contract', async () => {
      const res = await api('sectors.delete', { id: 1 })
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'unknown_method', messageKey: 'errors.unknown_method', issues: [] },
      })
    })

    it('answers 400 validation for a body that is not JSON', async () => {
      const res = await api('sectors.list', '{"includeInactive": tru')
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({
        ok: false,
        error: {
          code: 'validation',
          messageKey: 'errors.validation',
          issues: [{ path: [], messageKey: 'validation.invalid' }],
        },
      })
    })

    it('answers a schema failure with 200 and the field issues', async () => {
      const res = await api('sectors.create', { code: 'Bad', nameKk: 'a', nameRu: 'b', nameEn: 'c' })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { code: 'validation', issues: [{ path: ['code'], messageKey: 'validation.sectorCode' }] },
      })
    })

    it('answers a body over 5 MB with 413 and a message, writing nothing', async () => {
      const before = await sectorCount()
      const huge = JSON.stringify({ code: 'x', nameKk: 'ә'.repeat(3 * 1024 * 1024), nameRu: 'x', nameEn: 'x' })
      const res = await api('sectors.create', huge)
      expect(res.status).toBe(413)
      const body = (await res.json()) as { ok: boolean; error: { messageKey: string; issues: { params: object }[] } }
      expect(body.ok).toBe(false)
      expect(body.error.messageKey).toBe('errors.requestTooLarge')
      expect(body.error.issues[0]!.params).toEqual({ max: 5 })
      expect(await sectorCount()).toBe(before)
      // The server goes on answering.
      expect((await api('sectors.list', {})).status).toBe(200)
    })

    it('reads an okrug package or a register spreadsheet over 5 MB up to the contract cap, and no other method', async () => {
      const file = { fileName: 'okrug.akimat', base64: 'A'.repeat(6 * 1024 * 1024) }
      for (const [method, body] of [
        ['consolidation.importPackage', JSON.stringify(file)],
        ['import.preview', JSON.stringify({ file: { ...file, fileName: 'register.xlsx' } })],
      ] as const) {
        const res = await api(method, body)
        // Read and judged by the core: not a package, nor a spreadsheet, but not refused for its size.
        expect(res.status, method).toBe(200)
        const answer = (await res.json()) as { ok: boolean; error: { messageKey: string } }
        expect(answer.ok).toBe(false)
        expect(answer.error.messageKey).not.toBe('errors.requestTooLarge')
      }
      expect((await api('sectors.create', JSON.stringify(file))).status).toBe(413)
    })

    it('refuses a body declared far over the limit before reading it', async () => {
      const res = await raw({
        method: 'POST',
        path: '/api/sectors.list',
        headers: {
          host: `127.0.0.1:${server.port}`,
          [TOKEN_HEADER]: TOKEN,
          'content-type': 'application/json',
          'content-length': String(1024 * 1024 * 1024),
        },
      }).catch((error: unknown) => error)
      // Either the 413 arrives before the socket closes, or the socket is closed: never a 200.
      if (!(res instanceof Error)) expect((res as RawResponse).status).toBe(413)
    })

    it('refuses GET on the API with 405', async () => {
      const res = await fetch(`${base}/api/sectors.list`, { headers: { [TOKEN_HEADER]: TOKEN } })
      expect(res.status).toBe(405)
    })

    it('sends the Content-Security-Policy and no CORS headers', async () => {
      const res = await api(
        'sectors.list',
        {},
        { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${session}`, Origin: base },
      )
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    })
  })

  describe('sessions', () => {
    it('with the token but no session: 401 signed_out for all but the sign-in methods, nothing written', async () => {
      const res = await api(
        'sectors.create',
        { code: 'tourism', nameKk: 'Т', nameRu: 'Т', nameEn: 'T' },
        { [TOKEN_HEADER]: TOKEN },
      )
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'signed_out', messageKey: 'errors.signed_out', issues: [] },
      })
      expect(await sectorCount()).toBe(8)
      const status = await api('auth.status', {}, { [TOKEN_HEADER]: TOKEN })
      expect(await status.json()).toMatchObject({ ok: true, data: { setupNeeded: false, user: null } })
      // A session without the page's token is still refused: the token comes first.
      expect((await api('sectors.list', {}, { Authorization: `Bearer ${session}` })).status).toBe(401)
    })

    it('a Bearer session answers to its user; a made-up one is signed out', async () => {
      const status = await api('auth.status', {})
      expect(await status.json()).toMatchObject({
        ok: true,
        data: { user: { username: 'asem', role: 'administrator' } },
      })
      const res = await api('sectors.list', {}, { [TOKEN_HEADER]: TOKEN, Authorization: 'Bearer made-up' })
      expect(res.status).toBe(401)
    })

    it('a role without the permission: 403 forbidden', async () => {
      await core.dispatch('users.create', { ...ACCOUNT, username: 'viewer1', role: 'viewer' }, ADMIN)
      const login = await api(
        'auth.login',
        { username: 'viewer1', password: ACCOUNT.password },
        { [TOKEN_HEADER]: TOKEN },
      )
      const viewer = ((await login.json()) as { data: { session: string } }).data.session
      const res = await api('backup.status', {}, { [TOKEN_HEADER]: TOKEN, Authorization: `Bearer ${viewer}` })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }, 30_000) // an account and a sign-in: two scrypt hashes

    it("the page's session lives in an HttpOnly, SameSite=Strict cookie, never in the answer; sign-out clears it", async () => {
      const page = { [TOKEN_HEADER]: TOKEN, [SESSION_MODE_HEADER]: 'cookie' }
      const login = await api('auth.login', { username: 'ASEM', password: ACCOUNT.password }, page)
      const body = (await login.json()) as { data: Record<string, unknown> }
      expect(body.data).not.toHaveProperty('session')
      expect(body.data.user).toMatchObject({ username: 'asem' })
      const setCookie = login.headers.get('set-cookie')!
      expect(setCookie).toMatch(
        new RegExp(`^akimat_session_${server.port}=[A-Za-z0-9_-]{43}; Path=/api/; HttpOnly; SameSite=Strict$`),
      )
      const cookie = setCookie.split(';')[0]!

      expect((await api('sectors.list', {}, { ...page, Cookie: cookie })).status).toBe(200)
      const logout = await api('auth.logout', {}, { ...page, Cookie: cookie })
      expect(logout.headers.get('set-cookie')).toContain('Max-Age=0')
      // The page is told in the body (status 200: a browser logs every 4xx in its console).
      const after = await api('sectors.list', {}, { ...page, Cookie: cookie })
      expect(after.status).toBe(200)
      expect(await after.json()).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    })
  })

  describe('static files', () => {
    it('GET / returns index.html with the CSP', async () => {
      const res = await fetch(`${base}/`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(await res.text()).toBe(INDEX_HTML)
    })

    it('serves a built asset, and index.html for a client route', async () => {
      const asset = await fetch(`${base}/assets/app-1234.js`)
      expect(asset.status).toBe(200)
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(await asset.text()).toBe('console.log("app")')
      expect(await (await fetch(`${base}/settings/sectors`)).text()).toBe(INDEX_HTML)
    })

    it.each([
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/../../../../../../etc/passwd',
      '/%252e%252e/%252e%252e/etc/passwd',
    ])('does not leave the static folder for %s', async (path) => {
      const res = await raw({ path, headers: { host: `127.0.0.1:${server.port}` } })
      expect(res.body).not.toContain('root:')
      if (existsSync('/etc/passwd')) expect(res.body).not.toBe(readFileSync('/etc/passwd', 'utf8'))
      expect([200, 400, 404]).toContain(res.status)
      if (res.status === 200) expect(res.body).toBe(INDEX_HTML)
    })

    it.each([
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ])('does not serve a file beside the static folder via %s', async (path) => {
      const res = await raw({ path, headers: { host: `127.0.0.1:${server.port}` } })
      expect(res.body).not.toContain(SECRET)
    })

    it.each(['/renderer-old/secret.txt', '/..%2frenderer-old%2fsecret.txt', '/%2e%2e/renderer-old/secret.txt'])(
      'does not serve a sibling folder that shares the name as a prefix, via %s',
      async (path) => {
        const res = await raw({ path, headers: { host: `127.0.0.1:${server.port}` } })
        expect(res.body).not.toContain(SECRET)
      },
    )

    it.each(['/assets%5capp-1234.js', '/C:%5cWindows', '/index.html%00.js', '/index.html:stream'])(
      'answers 404 for a backslash, a colon or a NUL in %s, without looking for the file',
      async (path) => {
        const res = await raw({ path, headers: { host: `127.0.0.1:${server.port}` } })
        expect(res.status).toBe(404)
        expect(res.body).toBe('')
      },
    )

    it('answers 400 for a path that is not valid percent-encoding', async () => {
      const res = await raw({ path: '/%E0%A4%A', headers: { host: `127.0.0.1:${server.port}` } })
      expect(res.status).toBe(400)
    })

    it.skipIf(process.platform !== 'linux')(
      'survives a file that fails while it is read, and keeps serving',
      async () => {
        // /proc/self/mem stats as a file but fails with EIO on its first read.
        symlinkSync('/proc/self/mem', join(staticRoot, 'assets', 'broken.js'))
        await expect(
          raw({ path: '/assets/broken.js', headers: { host: `127.0.0.1:${server.port}` } }),
        ).rejects.toThrow()
        expect((await raw({ path: '/assets/app-1234.js', headers: { host: `127.0.0.1:${server.port}` } })).status).toBe(
          200,
        )
      },
    )

    it('refuses other methods than GET and HEAD outside the API', async () => {
      const res = await fetch(`${base}/index.html`, { method: 'POST', body: 'x' })
      expect(res.status).toBe(405)
    })
  })
})
