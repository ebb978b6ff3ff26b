import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { fileWithin } from '../security/fileWithin'
import { contentTypeOf } from './contentTypes'

/**
 * Serves a file of the built renderer. Paths that name no file get index.html (the app
 * routes on the client); paths that try to leave the folder, or carry a backslash, a colon
 * (a Windows drive or stream) or a NUL, get 404 before the disk is asked anything.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  const candidate = fileWithin(root, urlPath)
  if (candidate === 'malformed') {
    res.writeHead(400).end()
    return
  }
  if (candidate === null) {
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
  // A read that fails half-way (the file replaced by a rebuild, a disk error) ends this one
  // answer; unhandled, the stream's error would take the whole process down.
  const stream = createReadStream(file)
  stream.on('error', (error) => {
    console.error('static file read failed', file, error)
    res.destroy()
  })
  stream.pipe(res)
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
