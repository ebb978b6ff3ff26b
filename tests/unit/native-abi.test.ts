import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkModuleAbi, loadsInElectron, registeredAbis } from '../../scripts/native-abi.mjs'

const ROOT = join(__dirname, '../..')
const requireHere = createRequire(join(ROOT, 'package.json'))
/** The better-sqlite3 that npm installed: built for the Node running the tests. */
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const ELECTRON = requireHere('electron/package.json') as { version: string }
const ELECTRON_ABI = Number(
  (requireHere('node-abi') as { getAbi(v: string, r: string): string }).getAbi(ELECTRON.version, 'electron'),
)

describe('the module ABI check of the Electron build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'akimat-abi-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('knows the ABI Electron 45 loads', () => {
    expect(ELECTRON.version.split('.')[0]).toBe('45')
    expect(ELECTRON_ABI).toBe(150)
  })

  it('reads the ABI the installed Node build registers for: this Node’s own', () => {
    expect(registeredAbis(readFileSync(NODE_BUILD))).toEqual([Number(process.versions.modules)])
  })

  it('refuses the Node build as not for Electron, saying which ABI it has and which is needed', () => {
    const check = checkModuleAbi(NODE_BUILD, ELECTRON_ABI, `Electron ${ELECTRON.version}`)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.message).toContain(`node_register_module_v${process.versions.modules}`)
    expect(check.message).toContain(`needs ABI ${ELECTRON_ABI}`)
    expect(check.message).toContain('refused')
  })

  it('accepts the same file when checked for the Node that built it', () => {
    expect(checkModuleAbi(NODE_BUILD, Number(process.versions.modules), `Node ${process.version}`)).toEqual({
      ok: true,
    })
  })

  it('accepts a module that registers for Electron’s ABI (the symbol as Mach-O spells it too)', () => {
    const elf = join(dir, 'elf.node')
    writeFileSync(
      elf,
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from('\0node_register_module_v150\0')]),
    )
    expect(checkModuleAbi(elf, 150, 'Electron 45')).toEqual({ ok: true })
    const macho = join(dir, 'macho.node')
    writeFileSync(macho, Buffer.from('\0_node_register_module_v150\0'))
    expect(checkModuleAbi(macho, 150, 'Electron 45')).toEqual({ ok: true })
  })

  it('refuses a file registering for two ABIs, for none, or missing', () => {
    const two = join(dir, 'two.node')
    writeFileSync(two, Buffer.from('node_register_module_v115\0node_register_module_v150\0'))
    expect(checkModuleAbi(two, 150, 'Electron 45').ok).toBe(false)
    const none = join(dir, 'none.node')
    writeFileSync(none, Buffer.from('napi_register_module_v1\0'))
    expect(checkModuleAbi(none, 150, 'Electron 45')).toMatchObject({
      ok: false,
      message: expect.stringContaining('exports no'),
    })
    expect(checkModuleAbi(join(dir, 'missing.node'), 150, 'Electron 45')).toMatchObject({ ok: false })
  })

  it('does not try a load in Electron where its binary is absent', () => {
    expect(loadsInElectron(NODE_BUILD, null)).toBeNull()
    expect(loadsInElectron(NODE_BUILD, join(dir, 'no-electron'))).toBeNull()
  })
})
