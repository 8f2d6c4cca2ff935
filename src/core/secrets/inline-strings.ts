// Quoted strings inside a line of configuration or script, and the names they are given:
//   "password": "…"    token = "…"    f(api_key="…")    cfg["apiKey"] = "…"    --password="…"
//   os.getenv("API_KEY", "…")    auth=("user", "…")    proxy_set_header X-Api-Key "…"
//   curl -H "X-Api-Key: …"       -d "client_secret=…&grant_type=…"
import type { FileKind } from '../types';
import type { Assignment } from './assignments';
import { formPairs, headerPair } from './inline-pairs';

const MAX_NAME = 200;

/** `<add key="ApiKey" value="…"/>`, `{ name: API_TOKEN, value: "…" }`: the key names the value. */
const KEY_ATTRIBUTE = /\b(?:key|name)\s{0,4}[=:]\s{0,4}["']?([A-Za-z0-9_.-]{1,100})["']?[\s,]{0,8}$/;

/** Kinds where ` #` starts a comment. */
export const HASH_COMMENT_KINDS: ReadonlySet<FileKind> = new Set(['env', 'yaml', 'toml', 'shell', 'dockerfile', 'python', 'text']);

/** Kinds where `name "value"` (a directive and its argument) assigns the value to the name. */
const DIRECTIVE_KINDS: ReadonlySet<FileKind> = new Set(['text', 'ini', 'shell', 'dockerfile']);

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Index of the closing quote of the string opening at `open`, honouring backslash escapes. */
export function closingQuote(text: string, open: number, lineEnd: number): number {
  const q = text[open];
  for (let j = open + 1; j < lineEnd; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) return j;
  }
  return -1;
}

/** Every quoted string in [from, lineEnd) assigned to a name, and the pairs written inside strings. */
export function readInlineStrings(text: string, kind: FileKind, from: number, lineEnd: number, context: string[], out: Assignment[]): void {
  const hashComments = HASH_COMMENT_KINDS.has(kind);
  for (let i = from; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 35 /* # */ && hashComments && (i === 0 || isSpace(text[i - 1]))) return;
    if (code !== 34 /* " */ && code !== 39 /* ' */ && code !== 96 /* ` */) continue;
    const close = closingQuote(text, i, lineEnd);
    if (close < 0) return;
    const name = nameBefore(text, i, Math.max(from - MAX_NAME, 0, i - MAX_NAME - 8), DIRECTIVE_KINDS.has(kind));
    if (name && /^value$/i.test(name.name)) {
      // An attribute pair: the value's name is in the key/name attribute of the same element.
      const keyAttribute = KEY_ATTRIBUTE.exec(text.slice(Math.max(from, i - 300), name.nameStart));
      if (keyAttribute) name.name = keyAttribute[1];
    }
    if (name) out.push({ name: name.name, context: name.container ? [...context, name.container] : context, value: text.slice(i + 1, close), start: i + 1, end: close });
    pairsInString(text, i + 1, close, context, out);
    i = close;
  }
}

/** `"X-Api-Key: …"` and `"client_secret=…&…"`: names and values inside one string. */
export function pairsInString(text: string, start: number, end: number, context: string[], out: Assignment[]): void {
  const header = headerPair(text, start, end);
  if (header) out.push({ name: header.name, context, value: text.slice(header.start, header.end), start: header.start, end: header.end });
  for (const p of formPairs(text, start, end)) out.push({ name: p.name, context, value: text.slice(p.start, p.end), start: p.start, end: p.end });
}

interface NameBefore {
  name: string;
  container?: string;
  nameStart: number;
}

/** The name a string starting at `quote` is assigned to, reading backwards over `name <sep> `. */
function nameBefore(text: string, quote: number, limit: number, directives: boolean): NameBefore | undefined {
  let k = quote - 1;
  // Python string prefixes: f"…", b'…', r"…".
  if (k >= limit && /[fbrFBR]/.test(text[k]) && (k === limit || !/[A-Za-z0-9_]/.test(text[k - 1]))) k--;
  const beforeSpaces = k;
  while (k >= limit && isSpace(text[k])) k--;
  if (k < limit) return undefined;
  if (text[k] === ':') {
    if (text[k - 1] === ':') return undefined;
    k--;
  } else if (text[k] === '=') {
    if (/[=!<>+\-*/%&|^~]/.test(text[k - 1] ?? '')) {
      if (text[k - 1] !== ':') return undefined; // '==', '!=', '<=', '+='; ':=' is fine
      k--;
    }
    k--;
  } else if (text[k] === '>' && text[k - 1] === '=') {
    k -= 2; // '=>'
  } else if (text[k] === ',') {
    return envDefaultName(text, k, limit);
  } else if (directives && k < beforeSpaces && /[A-Za-z0-9_-]/.test(text[k])) {
    // `proxy_set_header X-Api-Key "…"`, `RequestHeader set X-Token "…"`: a directive's argument.
    return directiveName(text, k, limit);
  } else {
    return undefined;
  }
  while (k >= limit && isSpace(text[k])) k--;
  if (k < limit) return undefined;
  const c = text[k];
  if (c === '"' || c === "'") {
    const open = lastIndexBetween(text, c, k - 1, limit);
    if (open < 0) return undefined;
    const name = text.slice(open + 1, k);
    return name.length > 0 && name.length <= MAX_NAME && !/[\n"']/.test(name) ? { name, nameStart: open } : undefined;
  }
  if (c === ']') {
    // x["key"] = "…": the key names the value; the container adds context.
    const q = text[k - 1];
    if (q !== '"' && q !== "'") return undefined;
    const open = lastIndexBetween(text, q, k - 2, limit);
    if (open < 1 || text[open - 1] !== '[') return undefined;
    let s = open - 1;
    while (s > limit && /[A-Za-z0-9_.$]/.test(text[s - 1])) s--;
    return { name: text.slice(open + 1, k - 1), container: text.slice(s, open - 1) || undefined, nameStart: s };
  }
  let s = k + 1;
  while (s > limit && /[A-Za-z0-9_.$@-]/.test(text[s - 1])) s--;
  const name = text.slice(s, k + 1).replace(/^-+/, '');
  return /[A-Za-z]/.test(name) ? { name, nameStart: s } : undefined;
}

/**
 * The word ending at `k`, when it names the directive argument that follows: it stands after
 * whitespace (or starts the line) and reads as a header or setting name ('X-Api-Key',
 * 'api_token'), not as a plain word of prose or a command.
 */
function directiveName(text: string, k: number, limit: number): NameBefore | undefined {
  let s = k + 1;
  while (s > limit && /[A-Za-z0-9_-]/.test(text[s - 1])) s--;
  if (s > limit && !isSpace(text[s - 1])) return undefined;
  const name = text.slice(s, k + 1);
  if (!/[A-Za-z]/.test(name) || !/[_-]/.test(name.slice(1))) return undefined;
  return { name, nameStart: s };
}

const ENV_DEFAULT_CALLEE = /(?:getenv|environ\.get|\.get|setdefault|fetch|env|[Ss]etenv|define|\.set|\.put)\(\s*$/;
/** `auth=('user', '…')`, `HTTPBasicAuth('user', '…')`: the second member is a password. */
const BASIC_AUTH_PAIR = /(?:\bauth\s*=\s*[([]|BasicAuth\(|DigestAuth\(|basic_auth\s*=\s*[([]|\.login\()\s*$/;

/**
 * `os.getenv("API_KEY", "…")`, `os.environ.get("API_KEY", "…")`, `ENV.fetch('API_KEY', '…')`:
 * the default of an environment lookup takes the variable's name. `comma` is the ',' before it.
 */
function envDefaultName(text: string, comma: number, limit: number): NameBefore | undefined {
  let k = comma - 1;
  while (k >= limit && isSpace(text[k])) k--;
  const q = text[k];
  if (q !== '"' && q !== "'") return undefined;
  const open = lastIndexBetween(text, q, k - 1, limit);
  if (open < 0) return undefined;
  const name = text.slice(open + 1, k);
  if (!/^[\w.@+-]{1,100}$/.test(name)) return undefined;
  const before = text.slice(Math.max(limit, open - 40), open);
  if (BASIC_AUTH_PAIR.test(before)) return { name: 'password', nameStart: open };
  return ENV_DEFAULT_CALLEE.test(before) ? { name, nameStart: open } : undefined;
}

/** `text.lastIndexOf(c, from)`, but never looking before `limit` (keeps the scan linear). */
function lastIndexBetween(text: string, c: string, from: number, limit: number): number {
  for (let i = from; i >= limit && i >= 0; i--) if (text[i] === c) return i;
  return -1;
}
