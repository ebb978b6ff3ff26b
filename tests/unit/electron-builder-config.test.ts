import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'

const ROOT = join(__dirname, '../..')

/** electron-builder.yml as `npm run dist` reads it: electron-builder's own loader and schema check. */
async function packagingConfig(): Promise<Configuration> {
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

describe('packaging configuration (electron-builder.yml)', () => {
  it('flips the fuses the security checklist asks for', async () => {
    const { electronFuses, asar } = await packagingConfig()
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    // asar integrity means something only when the app is packed into app.asar
    expect(asar).toBe(true)
  })

  it('offers a per-machine install in the assisted NSIS installer', async () => {
    const { nsis } = await packagingConfig()
    // oneClick false + perMachine false: the installer shows the "for me / for all users" page
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true })
  })

  it('ships the Electron build of better-sqlite3 and never rebuilds native modules itself', async () => {
    const config = await packagingConfig()
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toContainEqual({
      from: '.native/electron/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    })
  })
})
