// The committed team configuration, `.secure-dev.json` at the workspace root: rule levels,
// ignore globs, a secrets allow-list. Parsing and validation only (the file is read elsewhere);
// every problem comes back as a message that says what is wrong and how to fix it.
import { CATEGORIES, SEVERITIES } from './types';
import type { RuleLevel } from './settings';

export const CONFIG_FILE_NAME = '.secure-dev.json';

export interface ProjectConfig {
  rules: Record<string, RuleLevel>;
  ignore: string[];
  allowedSecrets: string[];
  maxFileSize?: number;
}

export const EMPTY_CONFIG: ProjectConfig = { rules: {}, ignore: [], allowedSecrets: [] };

export interface ConfigResult {
  config: ProjectConfig;
  errors: string[];
}

const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/** Parses the config text. Invalid parts are dropped with an error; valid parts still apply. */
export function parseConfig(text: string, knownRuleIds: readonly string[]): ConfigResult {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { config: EMPTY_CONFIG, errors: [`${CONFIG_FILE_NAME} is not valid JSON (${(e as Error).message}). Fix the syntax; until then the defaults apply.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: EMPTY_CONFIG, errors: [`${CONFIG_FILE_NAME} must hold a JSON object like {"rules": {}, "ignore": []}.`] };
  }
  const obj = raw as Record<string, unknown>;
  const config: ProjectConfig = { rules: {}, ignore: [], allowedSecrets: [] };
  const known = new Set<string>([...knownRuleIds, ...CATEGORIES]);

  for (const key of Object.keys(obj)) {
    if (!['$schema', 'rules', 'ignore', 'secrets', 'maxFileSize'].includes(key)) errors.push(`Unknown key "${key}" in ${CONFIG_FILE_NAME}; expected rules, ignore, secrets or maxFileSize.`);
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) errors.push('"rules" must be an object mapping a rule id or category to "error", "warning", "note" or "off".');
    else {
      for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!known.has(id)) errors.push(`"rules" names unknown rule or category "${id}".`);
        else if (typeof level !== 'string' || !LEVELS.includes(level)) errors.push(`"rules.${id}" must be one of ${LEVELS.join(', ')}.`);
        else config.rules[id] = level as RuleLevel;
      }
    }
  }
  config.ignore = stringArray(obj.ignore, '"ignore" must be an array of glob strings, e.g. ["**/fixtures/**"].', errors);
  if (obj.secrets !== undefined) {
    const secrets = obj.secrets as Record<string, unknown>;
    if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) errors.push('"secrets" must be an object like {"allow": ["pk_test_..."]}.');
    else config.allowedSecrets = stringArray(secrets.allow, '"secrets.allow" must be an array of strings.', errors);
  }
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize === 'number' && Number.isFinite(obj.maxFileSize) && obj.maxFileSize > 0) config.maxFileSize = obj.maxFileSize;
    else errors.push('"maxFileSize" must be a positive number of bytes.');
  }
  return { config, errors };
}

function stringArray(value: unknown, message: string, errors: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    errors.push(message);
    return [];
  }
  return value as string[];
}
