/**
 * `--probe` of the load bench: where a call's time goes on PostgreSQL. Wraps, for the bench's
 * process only, the pool's hand-over of a connection, each statement (the history lock, the
 * year's counter, COMMIT, the rest) and the head file's write, and adds each one's time to the
 * call it belongs to (AsyncLocalStorage). Also samples the event loop's delay (the bench's
 * Node process, the core's one thread, waiting for a core) and the CPU used by this process and
 * by the PostgreSQL server's processes.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { readdirSync, readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { Client } from 'pg'
import type { DataSource } from 'typeorm'
import { HeadStore } from '../src/main/services/auditHead'
import { stats } from './measure'

type Part = 'pool' | 'historyLock' | 'counter' | 'headFlush' | 'headAfter' | 'commit' | 'otherSql'
const PARTS: Part[] = ['pool', 'historyLock', 'counter', 'otherSql', 'headFlush', 'commit', 'headAfter']

interface CallTrace {
  parts: Record<Part, number>
  statements: number
}

const current = new AsyncLocalStorage<CallTrace>()

function add(part: Part, ms: number, statement = false): void {
  const trace = current.getStore()
  if (!trace) return
  trace.parts[part] += ms
  if (statement) trace.statements++
}

function partOf(sql: string): Part {
  if (sql.includes('pg_advisory_xact_lock')) return 'historyLock'
  if (sql.includes('appeal_counters')) return 'counter'
  if (sql === 'COMMIT') return 'commit'
  return 'otherSql'
}

/** CPU seconds (user + system) of a process, from /proc; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0
  }
}

/** The server's postmaster and its children (backends, writer, WAL writer…). */
function serverProcesses(postmaster: number): number[] {
  const pids = [postmaster]
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!pid) continue
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      if (ppid === postmaster) pids.push(pid)
    } catch {
      // ended meanwhile
    }
  }
  return pids
}

export interface Probe {
  /** Runs a call, tracing it under `kind`. */
  run<T>(kind: string, call: () => Promise<T>): Promise<T>
  /** Starts the clocks (after the seeding). */
  start(): void
  report(seconds: number): string[]
}

export function installProbe(db: DataSource, postmasterPid: () => number | null): Probe {
  const driver = db.driver as unknown as { obtainMasterConnection: () => Promise<unknown> }
  const obtain = driver.obtainMasterConnection.bind(driver)
  driver.obtainMasterConnection = async () => {
    const t = performance.now()
    try {
      return await obtain()
    } finally {
      add('pool', performance.now() - t)
    }
  }
  const runnerProto = Object.getPrototypeOf(db.createQueryRunner()) as {
    query: (sql: string, ...rest: unknown[]) => Promise<unknown>
    connect: () => Promise<unknown>
  }
  const query = runnerProto.query
  runnerProto.query = async function (this: unknown, sql: string, ...rest: unknown[]) {
    // the connection first, so that waiting for the pool is not counted as the statement's time
    await runnerProto.connect.call(this)
    const t = performance.now()
    try {
      return await query.call(this, sql, ...rest)
    } finally {
      add(partOf(sql), performance.now() - t, true)
    }
  }
  // the history lock and the tail (and a registration's counter) in one round trip go to the
  // pg client directly (db/oneRoundTrip.ts), past the runner's query
  const clientProto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const clientQuery = clientProto.query
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const sql = args[0]
    const result = clientQuery.apply(this, args)
    if (
      typeof sql === 'string' &&
      sql.includes('pg_advisory_xact_lock') &&
      sql.includes(';') &&
      result instanceof Promise
    ) {
      const t = performance.now()
      const store = current.getStore()
      void result.then(
        () => store && current.run(store, () => add('historyLock', performance.now() - t, true)),
        () => undefined,
      )
    }
    return result
  }
  const write = HeadStore.prototype.write
  HeadStore.prototype.write = function (this: HeadStore, ...args: Parameters<HeadStore['write']>) {
    const t = performance.now()
    try {
      write.apply(this, args)
    } finally {
      add(args[2] === false ? 'headAfter' : 'headFlush', performance.now() - t)
    }
  }
  const traces = new Map<string, { total: number[]; parts: CallTrace[] }>()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  let cpuAtStart = { own: 0, server: 0, at: 0 }
  const serverCpu = () => {
    const pid = postmasterPid()
    return pid ? serverProcesses(pid).reduce((sum, p) => sum + cpuSeconds(p), 0) : 0
  }

  return {
    async run(kind, call) {
      const trace: CallTrace = {
        parts: Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>,
        statements: 0,
      }
      const t = performance.now()
      try {
        return await current.run(trace, call)
      } finally {
        const entry = traces.get(kind) ?? { total: [], parts: [] }
        entry.total.push(performance.now() - t)
        entry.parts.push(trace)
        traces.set(kind, entry)
      }
    },
    start() {
      loop.enable()
      cpuAtStart = {
        own: process.cpuUsage().user + process.cpuUsage().system,
        server: serverCpu(),
        at: performance.now(),
      }
    },
    report(seconds) {
      loop.disable()
      const wall = (performance.now() - cpuAtStart.at) / 1000 || seconds
      const own = (process.cpuUsage().user + process.cpuUsage().system - cpuAtStart.own) / 1e6
      const server = serverCpu() - cpuAtStart.server
      const f = (v: number) => v.toFixed(1)
      const lines = [
        `probe: CPU over ${f(wall)} s: this process ${f((own / wall) * 100)}% of a core, PostgreSQL ${f((server / wall) * 100)}%`,
        `probe: event loop delay p50 ${f(loop.percentile(50) / 1e6)} ms, p99 ${f(loop.percentile(99) / 1e6)} ms, max ${f(loop.max / 1e6)} ms`,
        `probe: mean ms per call (statements): ${['total', ...PARTS, 'rest'].join(' / ')}`,
      ]
      for (const [kind, { total, parts }] of traces) {
        const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
        const byPart = PARTS.map((p) => mean(parts.map((t) => t.parts[p])))
        const rest = mean(total) - byPart.reduce((a, b) => a + b, 0)
        lines.push(
          `probe: ${kind.padEnd(8)} n=${total.length} p95 ${f(stats(total).p95)}: ${[mean(total), ...byPart, rest].map(f).join(' / ')} (${f(mean(parts.map((t) => t.statements)))} statements)`,
        )
      }
      return lines
    },
  }
}
