// Where Secure Dev keeps what it can rebuild at any time (today: the parser's V8 code cache).
import os from 'node:os';
import path from 'node:path';

/**
 * SECURE_DEV_CACHE_DIR when set (empty turns caching off), else the platform's per-user cache
 * folder: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  const override = env.SECURE_DEV_CACHE_DIR;
  if (override !== undefined) return override === '' ? undefined : path.resolve(override);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'secure-dev', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'secure-dev');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'secure-dev');
}
