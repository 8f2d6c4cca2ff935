// Certificate verification switched off in configuration: NODE_TLS_REJECT_UNAUTHORIZED=0 in .env
// files, YAML (compose, Kubernetes, CI), Dockerfile ENV, shell exports, package.json scripts;
// npm's strict-ssl=false in .npmrc; and connection strings whose options turn verification off
// (MongoDB `tlsInsecure=true`, `tlsAllowInvalidCertificates=true`, pg `sslmode=no-verify`). JS/TS
// files are left to tls-reject-unauthorized, which reads them as code.
import { lineCommentTokens } from '../file-kind';
import { uriTlsOptions } from '../crypto/uri-options';
import { LineIndex } from '../lines';
import { CODE_KINDS, type FileKind, type Rule } from '../types';

const NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';
const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.rst', '.adoc', '.html', '.htm'];

export const tlsRejectUnauthorizedConfig: Rule = {
  meta: {
    id: 'tls-reject-unauthorized-config',
    category: 'weak-crypto',
    cwe: [295],
    owasp: 'A05:2021 Security Misconfiguration',
    severity: 'error',
    name: 'TLS certificate verification disabled in configuration (NODE_TLS_REJECT_UNAUTHORIZED=0, strict-ssl=false)',
    description:
      'NODE_TLS_REJECT_UNAUTHORIZED=0 in an environment file, container definition, CI job or npm script turns off certificate ' +
      'verification for every TLS connection the Node.js process makes, including ones to payment providers and identity providers; ' +
      'it tends to spread from development into production. strict-ssl=false in .npmrc does the same for package downloads, letting a ' +
      'network attacker serve modified packages. Trust a private CA with NODE_EXTRA_CA_CERTS (or npm\'s cafile) instead.',
    scope: 'text',
  },
  check(ctx) {
    if (CODE_KINDS.has(ctx.kind) || ctx.sourceFile) return;
    const lower = ctx.fileName.toLowerCase();
    if (DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return;
    const text = ctx.text;
    const lines = new LineIndex(text);
    for (let at = text.indexOf(NAME); at >= 0; at = text.indexOf(NAME, at + NAME.length)) {
      const zero = zeroAfter(text, at + NAME.length);
      if (zero < 0 || isCommentedOut(text, lines, at, ctx.kind)) continue;
      ctx.report({
        start: at,
        end: zero + 1,
        message:
          'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate verification for every TLS connection of the process, so anyone on the ' +
          'network path can impersonate any server. Remove it; trust a private CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem instead.',
      });
    }
    for (const option of uriTlsOptions(text)) {
      if (isCommentedOut(text, lines, option.start, ctx.kind)) continue;
      ctx.report({
        start: option.start,
        end: option.end,
        message:
          `${option.name} in this connection string turns off ${option.disables === 'hostnames' ? 'hostname' : 'certificate'} verification, so anyone on the network path can ` +
          'impersonate the database server. Remove it; trust a private CA with the driver\'s CA option (tlsCAFile=/path/to/ca.pem, sslrootcert=...).',
      });
    }
    // The option itself in application config: `rejectUnauthorized: false` (YAML, JSON, TOML),
    // `DB_SSL_REJECT_UNAUTHORIZED=false` (.env) that the code passes to the driver.
    for (const at of rejectUnauthorizedFalse(text)) {
      if (isCommentedOut(text, lines, at.start, ctx.kind)) continue;
      ctx.report({
        ...at,
        message:
          'This setting turns TLS certificate verification off for the connection it configures, so anyone on the network path can impersonate ' +
          'the server. Remove it; trust a private CA explicitly (the driver\'s `ca` option, or NODE_EXTRA_CA_CERTS=/path/to/ca.pem).',
      });
    }
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    if (base === '.npmrc' || base === '.yarnrc') {
      const key = 'strict-ssl';
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
        const end = falseAfter(text, at + key.length);
        if (end < 0 || isCommentedOut(text, lines, at, ctx.kind)) continue;
        ctx.report({
          start: at,
          end,
          message: 'strict-ssl=false lets npm download packages over unverified TLS, so a network attacker can serve modified packages. Remove it; point `cafile` at your private CA instead.',
        });
      }
    }
  },
};

/** `rejectUnauthorized: false` / `reject_unauthorized = false` / `SSL_REJECT_UNAUTHORIZED=false` (not NODE_TLS_..., read by zeroAfter). */
function rejectUnauthorizedFalse(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const name of ['rejectunauthorized', 'reject_unauthorized']) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
      if (lower.startsWith('node_tls_', at - 9)) continue;
      const end = falseAfter(lower, at + name.length);
      if (end >= 0) found.push({ start: at, end });
    }
  }
  return found;
}

/** Offset of the '0' in `=0`, `: "0"`, ` 0`, `='0'` after the name, or -1. */
function zeroAfter(text: string, from: number): number {
  let i = from;
  let skipped = 0;
  while (i < text.length && skipped < 8 && ' \t"\':='.includes(text[i])) {
    i++;
    skipped++;
  }
  if (skipped === 0 || text[i] !== '0') return -1;
  const next = text[i + 1] ?? '';
  return (next >= '0' && next <= '9') || next === '.' ? -1 : i;
}

/** End offset of `false` after `strict-ssl` (`=false`, ` false`, `: false`), or -1. */
function falseAfter(text: string, from: number): number {
  let i = from;
  let skipped = 0;
  while (i < text.length && skipped < 6 && ' \t"\':='.includes(text[i])) {
    i++;
    skipped++;
  }
  return skipped > 0 && text.startsWith('false', i) ? i + 5 : -1;
}

function isCommentedOut(text: string, lines: LineIndex, at: number, kind: FileKind): boolean {
  const line = lines.lineOf(at);
  const before = text.slice(lines.lineStart(line), at).trimStart();
  return lineCommentTokens(kind).some((t) => before.startsWith(t));
}
