// Runs one command in a child process and measures its wall time, CPU time (user + system, of the
// process and its children: less sensitive than wall time to other work on the machine) and peak
// resident set size.
// Peak RSS comes from GNU time (`/usr/bin/time`, `apt-get install time`), which reports the
// largest of the process and its children; without it, /proc/<pid>/status VmHWM is polled.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** @returns {Promise<{ seconds: number, cpuSeconds: number | undefined, peakRssMb: number, code: number | null, signal: string | null, stdout: string, stderr: string }>} */
export function measure(command, args, { cwd, env } = {}) {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'secure-dev-bench-'));
  const timeFile = join(scratch, 'time');
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-200_000)));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-200_000)));
    let polledKb = 0;
    const poll = useTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid))), 10);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      let peakKb = polledKb;
      let cpuSeconds;
      if (useTime) {
        // GNU time writes "Command exited with non-zero status N" before the numbers.
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        const [maxRss, user, system] = lines[lines.length - 1].split(' ').map(Number);
        peakKb = maxRss;
        cpuSeconds = user + system;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ seconds, cpuSeconds, peakRssMb: peakKb / 1024, code, signal, stdout, stderr });
    });
  });
}

function vmHwmKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
