import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { contentTypeOf } from './contentTypes'

/**
 * Serves a file of the built renderer. Paths that name no file get index.html (the app
 * routes on the client); paths that try to leave the folder get 404.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let relative: string
  try {
    relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '')
  } catch {
    res.writeHead(400).end()
    return
  }
  const candidate = join(root, relative)
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(404).end()
    return
  }
  const file = (await isFile(candidate)) ? candidate : join(root, 'index.html')
  if (!(await isFile(file))) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built: run npm run build.')
    return
  }
  const type = contentTypeOf(file)
  // Built assets carry a content hash in their names; index.html must always be fresh.
  const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable'
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache })
  createReadStream(file).pipe(res)
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
