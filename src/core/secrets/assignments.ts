// The values a file assigns to names, with exact value ranges. The generic secret detector asks
// "is this name about a secret, and is this value one?", so it needs (name, value) pairs:
//   .env / shell / Dockerfile   KEY=value, export KEY="value", ENV KEY=value
//   YAML / properties / ini     key: value, key = value, `- name: KEY` + `value: "…"` (Kubernetes)
//   JSON / Python / TOML / text "key": "value", name = "value", f(key="value"), x["key"] = "value"
// Code (JS/TS) is read from its syntax tree instead (see code-assignments.ts).
import type { FileKind } from '../types';

export interface Assignment {
  /** The name the value is assigned to ('JWT_SECRET', 'password', 'X-Api-Key'). */
  name: string;
  /** Other names of the same value: the env var of `process.env.X || '…'`. */
  aliases?: string[];
  /** Names around it: enclosing sections and objects (used for the provider hint only). */
  context: string[];
  value: string;
  /** Range of the value itself (inside any quotes). */
  start: number;
  end: number;
  /** JS/TS only: the string literal holding the value, for the quick fix. */
  literal?: { start: number; end: number; inJsx: boolean };
}

const MAX_LINE = 4000;
const MAX_NAME = 200;

/** Line-start key: optional list dash and keyword, then a quoted or bare key, then a separator. */
const LINE_KEY = /(-[ \t]+)?(?:(?:export|readonly|local|declare[ \t]+-x|set)[ \t]+|(ENV|ARG)[ \t]+|\$env:)?(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([A-Za-z0-9_.\-/@$]{1,200}))[ \t]*(:=|=|:)/y;

const XML_ELEMENT = /<([A-Za-z][\w.:-]{0,60})(\s[^<>\n]{0,200})?>([^<>\n]{1,400})<\/\1>/y;

/** `<add key="ApiKey" value="…"/>`, `<entry name="token" value="…">`: the key names the value. */
const KEY_ATTRIBUTE = /\b(?:key|name)\s*=\s*["']([^"'\n]{1,100})["']/;

const HASH_COMMENT_KINDS: ReadonlySet<FileKind> = new Set(['env', 'yaml', 'toml', 'shell', 'dockerfile', 'python', 'text']);

interface Section {
  indent: number;
  key: string;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** Index of the closing quote of the string opening at `open`, honouring backslash escapes. */
function closingQuote(text: string, open: number, lineEnd: number): number {
  const q = text[open];
  for (let j = open + 1; j < lineEnd; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) return j;
  }
  return -1;
}

export function textAssignments(text: string, kind: FileKind): Assignment[] {
  const out: Assignment[] = [];
  let sections: Section[] = [];
  /** Last `name: X` seen (Kubernetes env entries, CloudFormation parameters), for `value: …`. */
  let listName: { name: string; indent: number; line: number } | undefined;
  let lineNo = 0;
  /** Python: the delimiter of the docstring we are in (documentation, not assignments). */
  let docstring: string | undefined;
  for (let lineStart = 0; lineStart <= text.length; lineNo++) {
    let lineEnd = text.indexOf('\n', lineStart);
    const next = lineEnd < 0 ? text.length + 1 : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (kind === 'python') {
      const line = text.slice(lineStart, lineEnd);
      const wasIn = docstring;
      docstring = docstringAfter(line, docstring);
      if (wasIn || docstring) {
        lineStart = next;
        continue;
      }
    }
    if (lineEnd - lineStart <= MAX_LINE) {
      const state = { sections, listName };
      readLine(text, kind, lineStart, lineEnd, lineNo, state, out);
      sections = state.sections;
      listName = state.listName;
    }
    lineStart = next;
  }
  return out;
}

/** The docstring delimiter still open after `line`, given the one open before it. */
function docstringAfter(line: string, open: string | undefined): string | undefined {
  let current = open;
  for (let i = 0; i < line.length - 2; i++) {
    const three = line.slice(i, i + 3);
    if (three !== '"""' && three !== "'''") continue;
    if (current === undefined) current = three;
    else if (current === three) current = undefined;
    i += 2;
  }
  return current;
}

interface LineState {
  sections: Section[];
  listName: { name: string; indent: number; line: number } | undefined;
}

function readLine(text: string, kind: FileKind, lineStart: number, lineEnd: number, lineNo: number, state: LineState, out: Assignment[]): void {
  let first = lineStart;
  while (first < lineEnd && isSpace(text[first])) first++;
  if (first === lineEnd) return;
  const indent = first - lineStart;
  const c0 = text[first];
  if (c0 === '#' || c0 === ';' || (c0 === '!' && kind === 'properties') || text.startsWith('//', first) || text.startsWith('/*', first) || c0 === '*') return;

  // [section] headers of ini and toml files.
  if (c0 === '[' && (kind === 'ini' || kind === 'toml' || kind === 'properties' || kind === 'text')) {
    const close = text.slice(first, lineEnd).lastIndexOf(']') + first;
    if (close > first && !text.slice(first, close).includes('=')) {
      state.sections = [{ indent: -1, key: text.slice(first + 1, close).replace(/^\[|\]$/g, '') }];
      return;
    }
  }

  // XML configuration (Maven settings.xml, Android resources): <password>…</password>,
  // <string name="api_key">…</string>.
  if (c0 === '<' && kind === 'text') {
    XML_ELEMENT.lastIndex = first;
    const m = XML_ELEMENT.exec(text);
    if (m && m.index + m[0].length <= lineEnd) {
      const name = /\bname\s*=\s*["']([^"']{1,100})["']/.exec(m[2] ?? '')?.[1] ?? m[1];
      const start = first + m[0].length - m[1].length - 3 - m[3].length;
      out.push({ name, context: state.sections.map((x) => x.key), value: m[3], start, end: start + m[3].length });
      return;
    }
  }

  let consumedUntil = first;
  const key = lineKey(text, kind, first, lineEnd);
  if (key) {
    while (state.sections.length > 0 && state.sections[state.sections.length - 1].indent >= indent) state.sections.pop();
    const context = state.sections.map((s) => s.key);
    const value = key.value;
    let name = key.name;
    if (/^(?:name|key|parameterkey)$/i.test(name) && value) state.listName = { name: value.text, indent, line: lineNo };
    if (/^(?:value|parametervalue)$/i.test(name) && state.listName && lineNo - state.listName.line <= 3 && indent >= state.listName.indent - 2) {
      name = state.listName.name;
    }
    if (value && value.text.length > 0 && !/^[{[]$/.test(value.text)) {
      out.push({ name, context, value: value.text, start: value.start, end: value.end });
      consumedUntil = value.quoted ? value.end + 1 : value.end;
    } else {
      // `key:` or `"key": {` opens a nested block in YAML and JSON (its keys give context).
      if ((kind === 'yaml' || kind === 'json' || kind === 'text') && !(value?.quoted)) state.sections.push({ indent, key: key.name });
      consumedUntil = key.sepEnd;
    }
    // Dockerfile `ENV A=1 B=2`: further pairs on the same line.
    if (key.dockerEnv && value) readDockerEnvPairs(text, value.quoted ? value.end + 1 : value.end, lineEnd, context, out);
  }
  if (kind !== 'env' && kind !== 'properties' && kind !== 'ini') readInlineStrings(text, kind, consumedUntil, lineEnd, state.sections.map((s) => s.key), out);
  if (kind === 'shell' || kind === 'dockerfile' || kind === 'yaml' || kind === 'text') readInlineEnvPairs(text, consumedUntil, lineEnd, out);
}

const INLINE_ENV_PAIR = /([A-Za-z_][A-Za-z0-9_]{2,60})=(?=[^=\s])/y;

/** `docker run -e DB_PASSWORD=… app`, `env API_TOKEN=… node app.js`: NAME=value words on a command line. */
function readInlineEnvPairs(text: string, from: number, lineEnd: number, out: Assignment[]): void {
  for (let i = Math.max(from, 1); i < lineEnd; i++) {
    if (!isSpace(text[i - 1]) || !/[A-Za-z_]/.test(text[i])) continue;
    const m = stickyMatchAt(INLINE_ENV_PAIR, text, i);
    if (!m || m.index + m[0].length >= lineEnd) continue;
    const value = readValue(text, 'shell', m.index + m[0].length, lineEnd);
    if (!value || value.text.length === 0 || value.quoted) continue; // quoted values are read as inline strings
    out.push({ name: m[1], context: [], value: value.text, start: value.start, end: value.end });
    i = value.end;
  }
}

function stickyMatchAt(regex: RegExp, text: string, at: number): RegExpExecArray | undefined {
  regex.lastIndex = at;
  return regex.exec(text) ?? undefined;
}

interface LineKey {
  name: string;
  sepEnd: number;
  value?: { text: string; start: number; end: number; quoted: boolean };
  dockerEnv: boolean;
}

function lineKey(text: string, kind: FileKind, first: number, lineEnd: number): LineKey | undefined {
  LINE_KEY.lastIndex = first;
  const m = LINE_KEY.exec(text);
  if (!m || m.index + m[0].length > lineEnd) return undefined;
  const [whole, , dockerKeyword, dq, sq, bare, sep] = m;
  const name = dq ?? sq ?? bare;
  const sepEnd = first + whole.length;
  // Which separators each kind uses: `KEY=value` in env/shell, `key: value` in YAML, both in text.
  if (sep === ':' && (kind === 'env' || kind === 'shell' || kind === 'ini' || kind === 'toml' || kind === 'dockerfile' || kind === 'python')) return undefined;
  if (sep !== ':' && kind === 'yaml' && !/^-/.test(whole)) return undefined;
  if (sep === ':' && sepEnd < lineEnd && !isSpace(text[sepEnd])) return undefined; // 'http://…', 'a:b'
  if (sep === '=' && text[sepEnd] === '=') return undefined; // '=='
  if ((kind === 'shell' || kind === 'env') && bare === undefined) return undefined;
  if (kind === 'python') return undefined; // inline strings handle Python (annotations use ':')
  const value = readValue(text, kind, sepEnd, lineEnd);
  return { name, sepEnd, value, dockerEnv: dockerKeyword === 'ENV' };
}

function readValue(text: string, kind: FileKind, from: number, lineEnd: number): LineKey['value'] {
  let i = from;
  while (i < lineEnd && isSpace(text[i])) i++;
  if (i >= lineEnd) return { text: '', start: i, end: i, quoted: false };
  const c = text[i];
  if (c === '"' || c === "'") {
    const close = closingQuote(text, i, lineEnd);
    if (close < 0) return undefined;
    return { text: text.slice(i + 1, close), start: i + 1, end: close, quoted: true };
  }
  let end = lineEnd;
  if (HASH_COMMENT_KINDS.has(kind)) {
    for (let j = i; j < lineEnd; j++) {
      if (text[j] === '#' && isSpace(text[j - 1])) {
        end = j;
        break;
      }
      if ((kind === 'shell' || kind === 'dockerfile' || kind === 'env') && isSpace(text[j])) {
        end = j;
        break;
      }
    }
  }
  while (end > i && isSpace(text[end - 1])) end--;
  return { text: text.slice(i, end), start: i, end, quoted: false };
}

const DOCKER_PAIR = /[ \t]+([A-Za-z_][A-Za-z0-9_]{0,100})=/y;

function readDockerEnvPairs(text: string, from: number, lineEnd: number, context: string[], out: Assignment[]): void {
  let at = from;
  for (let guard = 0; guard < 50 && at < lineEnd; guard++) {
    DOCKER_PAIR.lastIndex = at;
    const m = DOCKER_PAIR.exec(text);
    if (!m || m.index + m[0].length > lineEnd) return;
    const value = readValue(text, 'dockerfile', m.index + m[0].length, lineEnd);
    if (!value) return;
    if (value.text) out.push({ name: m[1], context, value: value.text, start: value.start, end: value.end });
    at = value.quoted ? value.end + 1 : value.end;
  }
}

/**
 * Every quoted string on the line that is assigned to a name right before it:
 * `"password": "…"`, `token = "…"`, `f(api_key="…")`, `cfg["apiKey"] = "…"`, `--password="…"`.
 */
function readInlineStrings(text: string, kind: FileKind, from: number, lineEnd: number, context: string[], out: Assignment[]): void {
  for (let i = from; i < lineEnd; i++) {
    const c = text[i];
    if (c === '#' && HASH_COMMENT_KINDS.has(kind) && (i === 0 || isSpace(text[i - 1]))) return;
    if (c !== '"' && c !== "'" && c !== '`') continue;
    const close = closingQuote(text, i, lineEnd);
    if (close < 0) return;
    const name = nameBefore(text, i, Math.max(from - MAX_NAME, 0, i - MAX_NAME - 8));
    if (name && /^value$/i.test(name.name)) {
      // An attribute pair: the value's name is in the key/name attribute of the same element.
      const keyAttribute = KEY_ATTRIBUTE.exec(text.slice(Math.max(from, i - 300), i));
      if (keyAttribute) name.name = keyAttribute[1];
    }
    if (name) out.push({ name: name.name, context: name.container ? [...context, name.container] : context, value: text.slice(i + 1, close), start: i + 1, end: close });
    i = close;
  }
}

/** The name a string starting at `quote` is assigned to, reading backwards over `name <sep> `. */
function nameBefore(text: string, quote: number, limit: number): { name: string; container?: string } | undefined {
  let k = quote - 1;
  // Python string prefixes: f"…", b'…', r"…".
  if (k >= limit && /[fbrFBR]/.test(text[k]) && (k === limit || !/[A-Za-z0-9_]/.test(text[k - 1]))) k--;
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
    return name.length > 0 && name.length <= MAX_NAME && !/[\n"']/.test(name) ? { name } : undefined;
  }
  if (c === ']') {
    // x["key"] = "…": the key names the value; the container adds context.
    const q = text[k - 1];
    if (q !== '"' && q !== "'") return undefined;
    const open = lastIndexBetween(text, q, k - 2, limit);
    if (open < 1 || text[open - 1] !== '[') return undefined;
    let s = open - 1;
    while (s > limit && /[A-Za-z0-9_.$]/.test(text[s - 1])) s--;
    return { name: text.slice(open + 1, k - 1), container: text.slice(s, open - 1) || undefined };
  }
  let s = k + 1;
  while (s > limit && /[A-Za-z0-9_.$@-]/.test(text[s - 1])) s--;
  const name = text.slice(s, k + 1).replace(/^-+/, '');
  return /[A-Za-z]/.test(name) ? { name } : undefined;
}

const ENV_DEFAULT_CALLEE = /(?:getenv|environ\.get|\.get|setdefault|fetch|env|[Ss]etenv|define|\.set|\.put)\(\s*$/;
/** `auth=('user', '…')`, `HTTPBasicAuth('user', '…')`: the second member is a password. */
const BASIC_AUTH_PAIR = /(?:\bauth\s*=\s*[([]|BasicAuth\(|DigestAuth\(|basic_auth\s*=\s*[([]|\.login\()\s*$/;

/**
 * `os.getenv("API_KEY", "…")`, `os.environ.get("API_KEY", "…")`, `ENV.fetch('API_KEY', '…')`:
 * the default of an environment lookup takes the variable's name. `comma` is the ',' before it.
 */
function envDefaultName(text: string, comma: number, limit: number): { name: string } | undefined {
  let k = comma - 1;
  while (k >= limit && isSpace(text[k])) k--;
  const q = text[k];
  if (q !== '"' && q !== "'") return undefined;
  const open = lastIndexBetween(text, q, k - 1, limit);
  if (open < 0) return undefined;
  const name = text.slice(open + 1, k);
  if (!/^[\w.@+-]{1,100}$/.test(name)) return undefined;
  const before = text.slice(Math.max(limit, open - 40), open);
  if (BASIC_AUTH_PAIR.test(before)) return { name: 'password' };
  return ENV_DEFAULT_CALLEE.test(before) ? { name } : undefined;
}

/** `text.lastIndexOf(c, from)`, but never looking before `limit` (keeps the scan linear). */
function lastIndexBetween(text: string, c: string, from: number, limit: number): number {
  for (let i = from; i >= limit && i >= 0; i--) if (text[i] === c) return i;
  return -1;
}
