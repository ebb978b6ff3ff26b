// `npm run cli -- report … | sample …`: builds when sources changed, then runs the command
// line (out/main/cli.js) under plain Node with the arguments; see `npm run cli -- --help`.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, root } from './ensure-build.mjs'

ensureBuilt()
const child = spawn(process.execPath, [join(root, 'out/main/cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
