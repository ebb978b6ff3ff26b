// Builds the app (electron-vite build) when the bundles are missing or older than any
// source file. Used by `npm run web`, `npm run server`, `npm run cli` and the e2e tests, so they always run current code.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUTPUTS = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/server.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
]
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'package-lock.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

export function isBuildStale() {
  const outputs = OUTPUTS.map((p) => join(root, p))
  if (outputs.some((p) => !existsSync(p))) return true
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return INPUTS.some((p) => newestMtime(join(root, p)) > oldestOutput)
}

export function ensureBuilt() {
  if (!isBuildStale()) return
  console.log('Building Akimat Desk (electron-vite build)…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`electron-vite build failed with exit code ${result.status}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt()
