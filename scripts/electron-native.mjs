// Produces the Electron build of better-sqlite3 in .native/electron/, next to (never in
// place of) the Node build that node_modules keeps for tests and web mode.
// See docs/NATIVE-MODULES.md. Runs before `npm start`, `npm run dev` and `npm run dist`;
// never on `npm install`.
//
//   node scripts/electron-native.mjs [--platform win32|linux|darwin] [--arch x64|arm64|ia32]
//
// It first asks prebuild-install for the published binary of this better-sqlite3 release for
// this Electron ABI; when none is published it compiles one with node-gyp against Electron's
// headers. Both need the internet once; the result is kept until a version changes. Whatever
// was fetched or built is checked to be for this Electron's module ABI (native-abi.mjs) before
// it is written and stamped; a file that is not is refused, and an earlier one is checked again.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { root } from './ensure-build.mjs'
import { checkModuleAbi, loadsInElectron } from './native-abi.mjs'

const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } })
const platform = values.platform ?? process.platform
const arch = values.arch ?? process.arch
const readVersion = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version
const electron = readVersion('electron')
const betterSqlite3 = readVersion('better-sqlite3')
const runtime = `Electron ${electron}`
const requireHere = createRequire(join(root, 'package.json'))

// The module ABI this Electron loads (Electron 45: 150), from node-abi's table (a dependency of
// prebuild-install and electron-builder).
let abi
try {
  abi = requireHere('node-abi').getAbi(electron, 'electron')
} catch (error) {
  console.error(`The module ABI of ${runtime} is not known to node-abi, so a build cannot be checked: ${error.message}`)
  process.exit(1)
}
abi = Number(abi)

const NPM_BUILD_SETTING =
  /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|platform|target_platform|build_from_source)$/i
const outDir = join(root, '.native', 'electron')
const outFile = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')
const stamp = JSON.stringify({ electron, abi, betterSqlite3, platform, arch })

/** The ABI check, and where this machine can run it, a load in Electron itself. */
function verify(file) {
  const symbol = checkModuleAbi(file, abi, runtime)
  if (!symbol.ok || platform !== process.platform || arch !== process.arch) return symbol
  let electronBinary = null
  try {
    electronBinary = requireHere('electron')
  } catch {
    // the binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD): the symbol check stands
  }
  return loadsInElectron(file, electronBinary) ?? symbol
}

if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  const ready = verify(outFile)
  if (ready.ok) {
    console.log(`better-sqlite3 ${betterSqlite3} for ${runtime} (${platform}-${arch}, ABI ${abi}) is ready.`)
    process.exit(0)
  }
  console.warn(`${ready.message}\nMaking it again.`)
  rmSync(stampFile, { force: true })
  rmSync(outFile, { force: true })
}

console.log(`Preparing better-sqlite3 ${betterSqlite3} for Electron ${electron} (${platform}-${arch})…`)
const work = mkdtempSync(join(tmpdir(), 'akimat-native-'))
try {
  // A copy of the package without its Node build, so the original stays untouched.
  cpSync(join(root, 'node_modules/better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  })
  // npm passes its settings down as npm_config_* variables, and node-gyp and prebuild-install
  // obey them over their defaults: a "nodedir" of a distro Node (/usr) made node-gyp compile
  // against Node's headers although it was asked for Electron. This build takes only its own
  // arguments.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NPM_BUILD_SETTING.test(name)))
  const run = (args) => spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit', env }).status === 0
  const target = [`--target=${electron}`, `--arch=${arch}`]
  const fetch = () =>
    run([
      join(root, 'node_modules/prebuild-install/bin.js'),
      '--runtime=electron',
      ...target,
      `--platform=${platform}`,
      '--tag-prefix=v',
    ])
  const compile = () =>
    platform === process.platform &&
    run([
      join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      ...target,
      '--dist-url=https://electronjs.org/headers',
    ])
  const binary = join(work, 'build/Release/better_sqlite3.node')
  let failure =
    'no published binary was downloaded and it could not be compiled.\n' +
    'This step needs the internet once (and, to compile, a C++ toolchain). Tests and `npm run web` do not need it.'
  let ready = false
  // A downloaded binary that fails the check is thrown away and compiling is tried instead.
  for (const attempt of [fetch, compile]) {
    if (!attempt() || !existsSync(binary)) continue
    const checked = verify(binary)
    if (checked.ok) {
      ready = true
      break
    }
    failure = checked.message
    rmSync(binary, { force: true })
  }
  if (ready) {
    mkdirSync(outDir, { recursive: true })
    cpSync(binary, outFile)
    writeFileSync(stampFile, stamp)
    console.log(`Wrote ${outFile} (ABI ${abi})`)
  } else {
    console.error(`Could not get better-sqlite3 for ${runtime}: ${failure}`)
    process.exitCode = 1
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
