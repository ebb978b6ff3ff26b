import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // index: the Electron entry. web: the same core served to a browser under plain Node.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web.ts'),
          // server: the office server (HTTPS, PostgreSQL) under plain Node (npm run server).
          server: resolve(__dirname, 'src/main/server.ts'),
          // cli: reports and sample data from the command line, under plain Node (npm run cli).
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // Writes report files off the main thread (see src/main/reports/writers.ts).
          reportWorker: resolve(__dirname, 'src/main/reportWorker.ts'),
          // Reads each imported spreadsheet in a worker of its own (see src/main/import/readInWorker.ts).
          importWorker: resolve(__dirname, 'src/main/importWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      chunkSizeWarningLimit: 2500,
    },
  },
})
