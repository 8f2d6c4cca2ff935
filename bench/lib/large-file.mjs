// A realistic TypeScript module of a given length for the per-file benchmark: one import block,
// then sections drawn from the route/service/helper generators (Express handlers, Koa handlers,
// service classes, helpers), their top-level names made unique per section as a real file's are.
import { createRandom } from './random.mjs';
import { expressRoutes, koaRoutes, service } from './server-templates.mjs';
import { utilModule } from './client-templates.mjs';

const IMPORTS = [
  `import express from 'express';`,
  `import Router from '@koa/router';`,
  `import type { Context } from 'koa';`,
  `import path from 'node:path';`,
  `import os from 'node:os';`,
  `import fs, { createReadStream } from 'node:fs';`,
  `import { readFile, writeFile } from 'node:fs/promises';`,
  `import crypto, { createHash, pbkdf2, randomBytes, randomUUID } from 'node:crypto';`,
  `import { exec, execFile } from 'node:child_process';`,
  `import { EventEmitter } from 'node:events';`,
  `import { promisify } from 'node:util';`,
  `import { setTimeout as delay } from 'node:timers/promises';`,
  `import type { Database } from './db';`,
  `import { requireAuth, requireRole } from './middleware/auth';`,
  `import { logger, audit, mailer, queue } from './lib';`,
  `import { LruCache } from './lib/lru-cache';`,
  `import { csvCell } from './lib/csv';`,
  '',
];

/** Top-level names each generated section declares; suffixed per section to stay unique. */
const SECTION_NAMES = /(?<![.\w])(router|service|toJson|execAsync|execFileAsync|UPLOAD_ROOT|EXPORT_ROOT|DATA_ROOT|REPO_ROOT|PUBLIC_URL|STORAGE_ROOT|PREVIEW_ROOT|FORMATS|retry|debounce|formatBytes|slugify|parseDuration|groupBy|maskEmail|requestId|UNITS|LruCacheLocal|[A-Z][A-Za-z]*(?:Service|Filter|Row)|New[A-Z][A-Za-z]*|Page|PageResult|ServiceConfig)\b/g;

function body(text) {
  return text
    .split('\n')
    .filter((line) => !/^(import |'use strict'|const \w+ = require\(|const \{[^}]*\} = require\(|export default router|module\.exports = )/.test(line))
    .join('\n');
}

export function largeTypeScriptFile(lines, seed = 7) {
  const r = createRandom(seed);
  const out = [...IMPORTS];
  // Whole sections only (no function cut in half); a section that would overshoot is redrawn.
  for (let section = 1, misses = 0; misses < 200; section++) {
    const kind = r.pick(['express', 'koa', 'service', 'service', 'util']);
    const text = kind === 'express' ? expressRoutes(r) : kind === 'koa' ? koaRoutes(r) : kind === 'service' ? service(r) : utilModule(r).replace(/export class LruCache/g, 'export class LruCacheLocal');
    const sectionLines = [`// --- section ${section}: ${kind} ---`, ...body(text).replace(SECTION_NAMES, `$1_${section}`).split('\n')];
    if (out.length + sectionLines.length > lines) {
      misses++;
      continue;
    }
    out.push(...sectionLines);
  }
  // The last few lines: settings constants, as modules often end with.
  for (let i = 1; out.length < lines; i++) out.push(`export const LIMIT_${i} = ${r.int(1, 10_000)};`);
  return out.join('\n') + '\n';
}
