// `npm run bench [-- --sizes 10k,100k,1m] [--fresh] [--only list,search]`
// `npm run bench -- --load [--engine postgres] …`: many desks at once (bench/load.ts)
//
// The bench is TypeScript that imports the app's own core (src/main) and shared rules
// (src/shared). This runner bundles it with esbuild (vite's own dependency, already installed:
// no new package) into node_modules/.cache/akimat-bench/, npm packages left external, and runs the bundle
// under plain Node, the way web mode runs the core. Bundling takes about a second; the bench
// then runs in a clean Node process (no test runner in the measured process, so timings and
// peak memory are the app's own). The report worker is bundled from src/main/reportWorker.ts
// the same way, so report files are written in a worker thread as the app writes them.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Outside bench/ so that lint never sees generated code.
const outdir = join(root, 'node_modules/.cache/akimat-bench/build')

await build({
  absWorkingDir: root,
  entryPoints: { bench: 'bench/main.ts', load: 'bench/load.ts', reportWorker: 'src/main/reportWorker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  alias: { '@shared': './src/shared' },
  sourcemap: 'linked',
  logLevel: 'warning',
})

// Databases, work copies and results live in bench/.cache, which ignores itself in git.
mkdirSync(join(root, 'bench/.cache'), { recursive: true })
writeFileSync(join(root, 'bench/.cache/.gitignore'), '*\n')

const entry = process.argv.includes('--load') ? 'load.js' : 'bench.js'
const child = spawn(process.execPath, [join(outdir, entry), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
