// Reads the committed `.secure-dev.json` and merges it with caller overrides into the settings
// the engine takes. A missing file is fine; a broken one is reported and the defaults apply.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfig, type ProjectConfig } from '../core/config';
import { RULES } from '../core/registry';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';

export interface LoadedConfig {
  config: ProjectConfig;
  /** The file read, when there was one. */
  file?: string;
  errors: string[];
}

export async function loadProjectConfig(dir: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(dir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicitFile) return { config: EMPTY_CONFIG, errors: [] };
    return { config: EMPTY_CONFIG, file, errors: [`Cannot read ${file} (${code ?? String(e)}).`] };
  }
  const { config, errors } = parseConfig(text, RULES.map((r) => r.meta.id));
  return { config, file, errors: errors.map((m) => `${path.basename(file)}: ${m}`) };
}

/**
 * Settings for the engine. Rule levels: the committed project config wins over personal ones
 * (editor settings), so a team gets the same findings everywhere. Size cap: an explicit
 * override (CLI flag, editor setting) wins, since it is about this machine.
 */
export function settingsFrom(config: ProjectConfig, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return {
    rules: { ...overrides.rules, ...config.rules },
    allowedSecrets: [...config.allowedSecrets, ...(overrides.allowedSecrets ?? [])],
    maxFileBytes: overrides.maxFileBytes ?? config.maxFileSize ?? DEFAULT_SETTINGS.maxFileBytes,
  };
}
