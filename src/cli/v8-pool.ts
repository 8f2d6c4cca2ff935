// V8 runs its optimising compiler and parts of its garbage collector on a pool of background
// threads (Node's default: 4). A scan already keeps every core busy with worker threads, and
// extra pool threads then only take turns with them: on the 2-core benchmark machine a scan of
// the 8 MB tree takes 3.0 s with a pool of one thread against 3.8 s with Node's default
// (bench/README.md). The pool size can only be set when Node starts, so `secure-dev scan`
// starts itself once more with it.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { defaultWorkerCount } from '../workspace/scan';

/** Set in the restarted process, so that it never restarts again. */
const MARKER = 'SECURE_DEV_V8_POOL';

/** Background threads for the cores the scan's workers leave free; at least one. */
export function v8PoolSizeFor(cores: number): number {
  return Math.max(1, cores - defaultWorkerCount(cores));
}

/**
 * Runs this CLI again with --v8-pool-size and returns its exit code, or undefined when this
 * process should go on itself: already restarted, the user chose a pool size, or Node could
 * not be started.
 */
export function rerunWithV8PoolSize(argv: readonly string[]): number | undefined {
  if (process.env[MARKER] || process.execArgv.some((a) => a.startsWith('--v8-pool-size'))) return undefined;
  const size = v8PoolSizeFor(availableParallelism());
  const child = spawnSync(process.execPath, [...process.execArgv, `--v8-pool-size=${size}`, process.argv[1], ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [MARKER]: String(size) },
  });
  if (child.error) return undefined;
  // Killed (Ctrl-C reaches both processes): end the same way.
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}
