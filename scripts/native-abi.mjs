// Checks that a native module (a .node file) was built for the runtime that is to load it,
// before scripts/electron-native.mjs stamps it ready. A module built against the wrong
// headers (Node 20's instead of Electron's, say) compiles and copies fine, and only fails when
// the installed app starts: "was compiled against a different Node.js version".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

// Non-N-API modules export this symbol, named after the NODE_MODULE_VERSION their headers had
// (Node 20: 115; Electron 45: 150). It reads the same in ELF, PE and Mach-O (there with a
// leading underscore) files.
const REGISTER_SYMBOL = /node_register_module_v(\d+)/g

/** The module ABI versions a .node file's bytes register it for (usually one). */
export function registeredAbis(bytes) {
  const text = Buffer.from(bytes).toString('latin1')
  return [...new Set([...text.matchAll(REGISTER_SYMBOL)].map((match) => Number(match[1])))].sort((a, b) => a - b)
}

/**
 * Whether the .node file at `file` is for module ABI `abi` of `runtime` (a name for the
 * message, "Electron 45.5.0"): { ok: true } or { ok: false, message } saying what it is for.
 */
export function checkModuleAbi(file, abi, runtime) {
  if (!existsSync(file)) return { ok: false, message: `${file} does not exist.` }
  const found = registeredAbis(readFileSync(file))
  if (found.length === 1 && found[0] === abi) return { ok: true }
  if (found.length === 0) {
    return {
      ok: false,
      message:
        `${file} exports no node_register_module_v<ABI> symbol, so it cannot be checked for ${runtime} ` +
        `(ABI ${abi}); it is refused.`,
    }
  }
  return {
    ok: false,
    message:
      `${file} was built for module ABI ${found.join(', ')} (node_register_module_v${found.join(', v')}), ` +
      `but ${runtime} needs ABI ${abi}. It was probably compiled against Node's headers instead of ` +
      `Electron's (an npm "nodedir" setting, or npm_config_* variables). It is refused.`,
  }
}

/**
 * Where the Electron binary is present (it cannot be downloaded everywhere), loads the module
 * in it, as Node, as the app will: { ok } with the error when it fails, or null when there is
 * no Electron to try.
 */
export function loadsInElectron(file, electronBinary) {
  if (!electronBinary || !existsSync(electronBinary)) return null
  const run = spawnSync(electronBinary, ['-e', `require(${JSON.stringify(file)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
  })
  return run.status === 0 ? { ok: true } : { ok: false, message: `Electron could not load ${file}:\n${run.stderr}` }
}
