// Generic secrets: random-looking values (and, for password names, real-looking passwords)
// assigned to names that announce a secret — `JWT_SECRET=…`, `password: …`, `{ apiKey: '…' }`,
// `process.env.TOKEN || '…'` — in code and in every configuration file.
import { textAssignments, type Assignment } from '../secrets/assignments';
import { pairsInString, readInlineStrings } from '../secrets/inline-strings';
import { codeAssignments } from '../secrets/code-assignments';
import { isTestOrExamplePath } from '../secrets/file-context';
import { judgeAssignment } from '../secrets/judge';
import { envVarName } from '../secrets/names';
import { providerSecrets } from '../secrets/providers';
import { envFix, literalsOf, secretMessage } from '../secrets/report';
import type { Rule, RuleContext } from '../types';

/** Embedded configuration (a `.env` or YAML body in a template literal) is read like a text file. */
const MAX_EMBEDDED = 100_000;

/** A string that holds name–value pairs of its own: `"X-Api-Key: …"`, `'client_secret=…&…'`, `-H "Token: …"`. */
const PAIR_HINT = /[:=]/;

function assignmentsOf(ctx: RuleContext): Assignment[] {
  const literals = literalsOf(ctx);
  if (!literals) return textAssignments(ctx.text, ctx.kind);
  const found = codeAssignments(literals, ctx.text);
  for (const l of literals.values()) {
    if (l.end - l.start > MAX_EMBEDDED + 2) continue;
    const content = ctx.text.slice(l.start + 1, l.end - 1);
    if (content.includes('\n')) {
      for (const a of textAssignments(content, 'text')) found.push({ ...a, start: a.start + l.start + 1, end: a.end + l.start + 1 });
    } else if (PAIR_HINT.test(content)) {
      pairsInString(ctx.text, l.start + 1, l.end - 1, [], found);
      // A command line in a string (`execSync('curl -H "X-Api-Key: …" …')`) is read like a shell line.
      if (/["']/.test(content)) readInlineStrings(ctx.text, 'shell', l.start + 1, l.end - 1, [], found);
    }
  }
  return found;
}

export const hardcodedSecretGeneric: Rule = {
  meta: {
    id: 'hardcoded-secret-generic',
    category: 'secret',
    cwe: [798],
    owasp: 'A07:2021 Identification and Authentication Failures',
    severity: 'error',
    name: 'Hardcoded secret assigned to a secret-like name',
    description:
      'Finds random-looking values assigned to names such as password, secret, token, api_key, private_key or client_secret ' +
      '(variables, object properties, defaults like process.env.X || "…" and config.get("X", "…"), .env/YAML/JSON/properties/' +
      'ini/TOML keys and block scalars, ${X:-…} expansion defaults, header lines and form bodies in strings, Python and shell ' +
      'assignments, webhook URLs). Placeholders, references to environment variables, documented example keys, hashes, ' +
      'integrity strings, paths and URLs are ignored. A secret committed to a repository is readable by everyone with access ' +
      'to it, forever: load it from the environment or a secret manager and rotate it.',
    scope: 'text',
  },
  check(ctx) {
    const inTest = isTestOrExamplePath(ctx.fileName);
    // Provider findings cover their values; each value is reported once, whichever way it was read.
    const covered: Array<{ start: number; end: number }> = [...providerSecrets(ctx)];
    for (const a of assignmentsOf(ctx)) {
      if (covered.some((m) => m.start < a.end && a.start < m.end)) continue;
      const found = judgeAssignment(a, inTest);
      if (!found) continue;
      covered.push(a);
      const { secret, name } = found;
      const what = `${secret.provider ? `${secret.provider} ` : ''}${secret.kind} in "${name}"`;
      const fix = envFix(ctx, a.start, a.end, envVarName(name));
      ctx.report({ start: a.start, end: a.end, message: secretMessage(what, a.value), ...(fix ? { fix } : {}) });
    }
  },
};
