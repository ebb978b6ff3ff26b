// Produces the Electron build of better-sqlite3 in .native/electron/, next to (never in
// place of) the Node build that node_modules keeps for tests and web mode.
// See docs/NATIVE-MODULES.md. Runs before `npm start`, `npm run dev` and `npm run dist`;
// never on `npm install`.
//
//   node scripts/electron-native.mjs [--platform win32|linux|darwin] [--arch x64|arm64|ia32]
//
// It first asks prebuild-install for the published binary of this better-sqlite3 release for
// this Electron ABI; when none is published it compiles one with node-gyp against Electron's
// headers. Both need the internet once; the result is kept until a version changes.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { root } from './ensure-build.mjs'

const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } })
const platform = values.platform ?? process.platform
const arch = values.arch ?? process.arch
const readVersion = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version
const electron = readVersion('electron')
const betterSqlite3 = readVersion('better-sqlite3')

const outDir = join(root, '.native', 'electron')
const outFile = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')
const stamp = JSON.stringify({ electron, betterSqlite3, platform, arch })

if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 ${betterSqlite3} for Electron ${electron} (${platform}-${arch}) is ready.`)
  process.exit(0)
}

console.log(`Preparing better-sqlite3 ${betterSqlite3} for Electron ${electron} (${platform}-${arch})…`)
const work = mkdtempSync(join(tmpdir(), 'akimat-native-'))
try {
  // A copy of the package without its Node build, so the original stays untouched.
  cpSync(join(root, 'node_modules/better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  })
  const run = (args) => spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit' }).status === 0
  const target = [`--target=${electron}`, `--arch=${arch}`]
  const fetched = run([
    join(root, 'node_modules/prebuild-install/bin.js'),
    '--runtime=electron',
    ...target,
    `--platform=${platform}`,
    '--tag-prefix=v',
  ])
  const built =
    fetched ||
    (platform === process.platform &&
      run([
        join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        ...target,
        '--dist-url=https://electronjs.org/headers',
      ]))
  const binary = join(work, 'build/Release/better_sqlite3.node')
  if (!built || !existsSync(binary)) {
    console.error(
      'Could not get better-sqlite3 for Electron: no published binary was downloaded and it could not be compiled.\n' +
        'This step needs the internet once (and, to compile, a C++ toolchain). Tests and `npm run web` do not need it.',
    )
    process.exit(1)
  }
  mkdirSync(outDir, { recursive: true })
  cpSync(binary, outFile)
  writeFileSync(stampFile, stamp)
  console.log(`Wrote ${outFile}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
