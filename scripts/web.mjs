// `npm run web [-- --data DIR --port N]`: builds when sources changed, then starts the core
// and the local web server under plain Node (no Electron) and prints the URL to open.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, root } from './ensure-build.mjs'

ensureBuilt()
const child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
