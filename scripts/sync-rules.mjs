// Writes what is derived from the rule registry: the rule settings in package.json, the JSON
// schema of .secure-dev.json, and the rule table in README.md.
//
//   node scripts/sync-rules.mjs          update the files (after `npm run build`)
//   node scripts/sync-rules.mjs --check  exit 1 if any of them is out of date (run by the unit tests)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/src/core/registry.js');
const { CATEGORIES } = require('../out/src/core/types.js');
const check = process.argv.includes('--check');
const levels = ['error', 'warning', 'note', 'off'];
const stale = [];

function update(file, next) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === next) return;
  if (check) stale.push(file);
  else writeFileSync(file, next);
}

// package.json: one enum setting per rule id and category under secureDev.rules.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const rulesSection = pkg.contributes.configuration.find((s) => s.title === 'Rules');
const ruleProps = {};
for (const c of CATEGORIES) ruleProps[c] = { type: 'string', enum: levels, description: `All ${c} rules.` };
for (const r of RULES) {
  const own = `${r.meta.name} (default: ${r.meta.severity}).`;
  // A rule may share its id with its category: then one setting covers both.
  const description = ruleProps[r.meta.id] ? `${ruleProps[r.meta.id].description} Includes the ${r.meta.id} rule: ${own}` : own;
  ruleProps[r.meta.id] = { type: 'string', enum: levels, description };
}
rulesSection.properties['secureDev.rules'].properties = ruleProps;
update('package.json', `${JSON.stringify(pkg, null, 2)}\n`);

// The JSON schema VS Code uses to complete and validate .secure-dev.json.
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Secure Dev project configuration (.secure-dev.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: 'Severity per rule id or category: error, warning, note or off. Wins over editor settings.',
      additionalProperties: false,
      properties: ruleProps,
    },
    ignore: { type: 'array', items: { type: 'string' }, description: 'Glob patterns (minimatch, relative to this folder) of files not to analyse.' },
    secrets: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Secret values the team accepts, e.g. public test keys.' } },
    },
    maxFileSize: { type: 'number', minimum: 1, description: 'Skip files larger than this many bytes (default 1000000).' },
  },
};
update('schemas/secure-dev.schema.json', `${JSON.stringify(schema, null, 2)}\n`);

// README rule table, between markers.
const rows = RULES.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.category} | ${r.meta.name} | ${r.meta.cwe.map((n) => `CWE-${n}`).join(', ')} | ${r.meta.severity} |`);
const table = ['| Rule | Category | What it finds | CWE | Default |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) {
  console.error(`README.md lacks the ${start} / ${end} markers.`);
  process.exit(1);
}
update('README.md', `${readme.slice(0, i + start.length)}\n${table}\n${readme.slice(j)}`);

// Every rule has its page.
for (const r of RULES) if (!existsSync(`docs/rules/${r.meta.id}.md`)) stale.push(`docs/rules/${r.meta.id}.md (missing)`);

if (stale.length > 0) {
  console.error(`Out of date (run \`npm run build && node scripts/sync-rules.mjs\`): ${stale.join(', ')}`);
  process.exit(1);
}
