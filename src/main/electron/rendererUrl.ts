import { APP_HOME } from './appProtocol'

/** The variable electron-vite sets in `npm run dev` to the address of its dev server. */
export const DEV_SERVER_ENV = 'ELECTRON_RENDERER_URL'

/**
 * The address the window loads, and the one origin its IPC trusts. The dev server's address
 * is taken only from an unpackaged app (`npm run dev`): in the installed app a user-level
 * environment variable could otherwise make it load any page as a trusted sender of every
 * API call. The installed app always loads its own files through app://.
 */
export function rendererUrl(options: { packaged: boolean; env: NodeJS.ProcessEnv }): string {
  const devServer = options.env[DEV_SERVER_ENV]
  if (!options.packaged && devServer) return devServer
  return APP_HOME
}

/** Whether the window shows the dev server's page (hot reload needs inline scripts there). */
export const isDevServerUrl = (url: string): boolean => url !== APP_HOME
