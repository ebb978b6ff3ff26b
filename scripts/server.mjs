// `npm run server -- --db URL [--host 0.0.0.0] [--port 4780]` (or `--embedded-postgres --data DIR`):
// builds when sources changed, then starts the office server under plain Node (docs/SERVER.md).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureBuilt, root } from './ensure-build.mjs'

ensureBuilt()
const child = spawn(process.execPath, [join(root, 'out/main/server.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
