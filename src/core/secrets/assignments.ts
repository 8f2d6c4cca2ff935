// The values a file assigns to names, with exact value ranges. The generic secret detector asks
// "is this name about a secret, and is this value one?", so it needs (name, value) pairs:
//   .env / shell / Dockerfile   KEY=value, export KEY="value", ENV KEY=value, ENV KEY value, ${KEY:-value}
//   YAML                        key: value, nested keys, `- name: KEY` + `value: "…"` (Kubernetes),
//                               block scalars (`key: |` — their lines are read as text or shell)
//   properties / ini            key = value, key: value, key value, `\` continuations, indented continuations
//   JSON / Python / TOML / text "key": "value", name = "value", f(key="value"), x["key"] = "value",
//                               { inline = "tables" }, nginx-style `directive Name "value"`
// Code (JS/TS) is read from its syntax tree instead (see code-assignments.ts).
import type { FileKind } from '../types';
import { expansionDefaults } from './inline-pairs';
import { closingQuote, HASH_COMMENT_KINDS, readInlineStrings } from './inline-strings';

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

/** Line-start key: optional list dash and keyword, then a quoted or bare key, then a separator. */
const LINE_KEY = /(-[ \t]+)?(?:(?:export|readonly|local|declare[ \t]+-x|set)[ \t]+|(ENV|ARG)[ \t]+|\$env:)?(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([A-Za-z0-9_.\-/@$]{1,200}))[ \t]*(:=|=|:)/y;

/** `.properties` also separates a key from its value with whitespace alone: `db.password s3cr3t`. */
const PROPERTIES_SPACE_KEY = /([A-Za-z0-9_.\-/@$]{1,200})[ \t]+(?=[^ \t=:])/y;

/** Dockerfile's legacy form `ENV NAME value` (the value is the rest of the line). */
const DOCKER_LEGACY_ENV = /ENV[ \t]+([A-Za-z_][A-Za-z0-9_.-]{0,100})[ \t]+(?=[^ \t=\\])/y;

const XML_ELEMENT = /<([A-Za-z][\w.:-]{0,60})(\s[^<>\n]{0,200})?>([^<>\n]{1,400})<\/\1>/y;

/** An HCL (Terraform) block header with a name: `variable "db_password" {`, `resource "x" "name" {`. */
const HCL_BLOCK = /(?:variable|output|resource|data|module|provider|locals)[ \t]+"([^"\n]{1,100})"(?:[ \t]+"([^"\n]{1,100})")?[ \t]*\{[ \t]*(?=\r|\n|$)/y;

/** A YAML block scalar indicator: `|`, `>-`, `|2+`. */
const BLOCK_INDICATOR = /^[|>][-+0-9]{0,3}$/;

/** Block scalars under these keys hold shell scripts (CI `run:`, `script:`, container `command:`). */
const SCRIPT_KEYS = /^(?:run|script|scripts|command|commands|cmd|entrypoint|args|before_script|after_script|shell|sh|bash|exec|inline)$/i;

const DIRECTIVE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{1,100}$/;

/** Shell commands that store a setting: `aws configure set aws_secret_access_key …`, `npm config set key …`, `git config user.password …`. */
const CONFIG_SET = /\b(?:configure|config)[ \t]+(?:set[ \t]|--(?:global|local|system)[ \t]|[A-Za-z_]+\.[A-Za-z_.]+[ \t])/;

interface Section {
  indent: number;
  key: string;
}

/** A YAML block scalar (`key: |`) whose more-indented lines we are reading. */
interface BlockScalar {
  keyIndent: number;
  name: string;
  context: string[];
  /** Its content lines so far; a block of exactly one line is also the key's value. */
  lines: number;
  single?: Assignment;
  /** Its lines are configuration or script of their own, read with their own state. */
  kind: FileKind;
  inner: LineState;
}

/** A properties `\` continuation or an ini indented continuation of the key on the line before. */
interface Continuation {
  name: string;
  context: string[];
  keyIndent: number;
  /** The key's own line held no value: the continuation line is the value. */
  valueEmpty: boolean;
  /** Continued by a trailing backslash (properties), not by indentation (ini). */
  backslash: boolean;
}

interface LineState {
  sections: Section[];
  /** The sections' keys, rebuilt only when the sections change (shared, never mutated). */
  context: string[];
  /** Last `name: X` seen (Kubernetes env entries, CloudFormation parameters), for `value: …`. */
  listName: { name: string; indent: number; line: number } | undefined;
  block?: BlockScalar;
  continuation?: Continuation;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

function newState(): LineState {
  return { sections: [], context: [], listName: undefined };
}

export function textAssignments(text: string, kind: FileKind): Assignment[] {
  const out: Assignment[] = [];
  const state = newState();
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
    if (lineEnd - lineStart <= MAX_LINE) readLine(text, kind, lineStart, lineEnd, lineNo, state, out);
    lineStart = next;
  }
  endBlock(state, out);
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

function endBlock(state: LineState, out: Assignment[]): void {
  const block = state.block;
  if (!block) return;
  if (block.lines === 1 && block.single) out.push(block.single);
  state.block = undefined;
}

function trimEnd(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && isSpace(text[e - 1])) e--;
  return e;
}

function readLine(text: string, kind: FileKind, lineStart: number, lineEnd: number, lineNo: number, state: LineState, out: Assignment[]): void {
  let first = lineStart;
  while (first < lineEnd && isSpace(text[first])) first++;
  const blank = first === lineEnd;
  const indent = first - lineStart;

  if (state.block) {
    if (blank) return;
    if (indent > state.block.keyIndent) {
      readBlockLine(text, lineStart, lineEnd, first, lineNo, state.block, out);
      return;
    }
    endBlock(state, out);
  }
  const continuation = state.continuation;
  state.continuation = undefined;
  if (continuation && !blank && readContinuation(text, kind, first, lineEnd, indent, continuation, state, out)) return;
  if (blank) return;

  const c0 = text[first];
  if (c0 === '#' || c0 === ';' || (c0 === '!' && kind === 'properties') || text.startsWith('//', first) || text.startsWith('/*', first) || c0 === '*') return;

  // [section] headers of ini and toml files.
  if (c0 === '[' && (kind === 'ini' || kind === 'toml' || kind === 'properties' || kind === 'text')) {
    const close = text.slice(first, lineEnd).lastIndexOf(']') + first;
    if (close > first && !text.slice(first, close).includes('=')) {
      state.sections = [{ indent: -1, key: text.slice(first + 1, close).replace(/^\[|\]$/g, '') }];
      state.context = [state.sections[0].key];
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
      out.push({ name, context: state.context, value: m[3], start, end: start + m[3].length });
      return;
    }
  }

  // HCL blocks (`variable "db_password" {`): the block's name is the context of its attributes.
  if (kind === 'text' && c0 >= 'a' && c0 <= 'z') {
    const block = stickyMatchAt(HCL_BLOCK, text, first);
    if (block && block.index + block[0].length <= lineEnd) {
      while (state.sections.length > 0 && state.sections[state.sections.length - 1].indent >= indent) state.sections.pop();
      state.sections.push({ indent, key: block[2] ?? block[1] });
      state.context = state.sections.map((x) => x.key);
      return;
    }
  }

  let consumedUntil = first;
  let inlineContext = state.context;
  const key = lineKey(text, kind, first, lineEnd);
  if (key) {
    const depth = state.sections.length;
    while (state.sections.length > 0 && state.sections[state.sections.length - 1].indent >= indent) state.sections.pop();
    if (state.sections.length !== depth) state.context = state.sections.map((s) => s.key);
    const context = state.context;
    inlineContext = context;
    const value = key.value;
    let name = key.name;
    if (/^(?:name|key|parameterkey)$/i.test(name) && value) state.listName = { name: value.text, indent, line: lineNo };
    if (/^(?:value|parametervalue)$/i.test(name) && state.listName && lineNo - state.listName.line <= 3 && indent >= state.listName.indent - 2) {
      name = state.listName.name;
    }
    if (value && kind === 'yaml' && !value.quoted && BLOCK_INDICATOR.test(value.text)) {
      state.block = { keyIndent: indent, name, context, lines: 0, kind: SCRIPT_KEYS.test(name) ? 'shell' : 'text', inner: newState() };
      return;
    }
    if (value && value.text.length > 0 && !/^[{[]$/.test(value.text)) {
      out.push({ name, context, value: value.text, start: value.start, end: value.end });
      // An unquoted value may hold quoted strings of its own (`{ user = "a", password = "…" }`,
      // a JAAS line `… username="a" password="…";`): read them too, inside the key's context.
      consumedUntil = value.quoted ? value.end + 1 : value.start;
      if (!value.quoted && /^[{[]/.test(value.text)) inlineContext = [...context, key.name];
    } else {
      // `key:` or `"key": {` opens a nested block in YAML and JSON (its keys give context).
      if ((kind === 'yaml' || kind === 'json' || kind === 'text') && !(value?.quoted)) {
        state.sections.push({ indent, key: key.name });
        state.context = [...context, key.name];
      }
      consumedUntil = key.sepEnd;
    }
    if (value?.continued || (kind === 'ini' && value && value.text.length === 0)) {
      state.continuation = { name, context, keyIndent: indent, valueEmpty: !value || value.text.length === 0, backslash: Boolean(value?.continued) };
    }
    // Dockerfile `ENV A=1 B=2`: further pairs on the same line.
    if (key.dockerEnv && value) readDockerEnvPairs(text, value.quoted ? value.end + 1 : value.end, lineEnd, context, out);
  } else if (kind === 'ini' || kind === 'text' || (kind === 'shell' && CONFIG_SET.test(text.slice(first, lineEnd)))) {
    readDirective(text, first, lineEnd, inlineContext, out);
  }
  // One pass says which of the remaining readers can find anything on this line.
  const has = charsIn(text, first, lineEnd);
  if (has & HAS_QUOTE) readInlineStrings(text, kind, consumedUntil, lineEnd, inlineContext, out);
  if (has & HAS_EQUALS && (kind === 'shell' || kind === 'dockerfile' || kind === 'yaml' || kind === 'text')) readInlineEnvPairs(text, consumedUntil, lineEnd, out);
  if (has & HAS_EXPANSION) for (const d of expansionDefaults(text, first, lineEnd)) out.push({ name: d.name, context: inlineContext, value: text.slice(d.start, d.end), start: d.start, end: d.end });
}

const HAS_QUOTE = 1;
const HAS_EQUALS = 2;
const HAS_EXPANSION = 4;

function charsIn(text: string, from: number, to: number): number {
  let has = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) has |= HAS_QUOTE;
    else if (c === 61) has |= HAS_EQUALS;
    else if (c === 36 && text.charCodeAt(i + 1) === 123) has |= HAS_EXPANSION;
  }
  return has;
}

/** A line of a YAML block scalar: configuration or script of its own, and maybe the key's whole value. */
function readBlockLine(text: string, lineStart: number, lineEnd: number, first: number, lineNo: number, block: BlockScalar, out: Assignment[]): void {
  block.lines++;
  const end = trimEnd(text, first, lineEnd);
  block.single = block.lines === 1 ? { name: block.name, context: block.context, value: text.slice(first, end), start: first, end } : undefined;
  readLine(text, block.kind, lineStart, lineEnd, lineNo, block.inner, out);
}

/** A line continuing the previous key's value. Returns false when the line is not a continuation. */
function readContinuation(text: string, kind: FileKind, first: number, lineEnd: number, indent: number, c: Continuation, state: LineState, out: Assignment[]): boolean {
  if (!c.backslash && (!c.valueEmpty || indent <= c.keyIndent)) return false;
  let end = trimEnd(text, first, lineEnd);
  const continued = c.backslash && endsWithEscape(text, first, end);
  if (continued) end = trimEnd(text, first, end - 1);
  if (kind === 'ini') end = withoutInlineComment(text, first, end);
  if (c.valueEmpty && end > first) {
    let s = first;
    let e = end;
    if ((text[s] === '"' || text[s] === "'") && e - s >= 2 && text[e - 1] === text[s]) {
      s++;
      e--;
    }
    out.push({ name: c.name, context: c.context, value: text.slice(s, e), start: s, end: e });
  }
  readInlineStrings(text, kind, first, end, c.context, out);
  if (continued) state.continuation = { ...c, valueEmpty: c.valueEmpty && end === first };
  return true;
}

/** An odd number of backslashes ends [from, end): the line continues on the next one. */
function endsWithEscape(text: string, from: number, end: number): boolean {
  let n = 0;
  while (end - n > from && text[end - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** `value ; comment` and `value # comment` in ini files: the comment is not part of the value. */
function withoutInlineComment(text: string, from: number, end: number): number {
  for (let j = from + 1; j < end; j++) {
    if ((text[j] === ';' || text[j] === '#') && isSpace(text[j - 1])) return trimEnd(text, from, j);
  }
  return end;
}

/**
 * `requirepass s3cr3t`, `proxy_set_header X-Api-Key s3cr3t;` (conf files): a directive whose last
 * argument is named by the one before it. Two words, or a name that reads as a setting or header.
 */
function readDirective(text: string, first: number, lineEnd: number, context: string[], out: Assignment[]): void {
  const end = trimEnd(text, first, lineEnd);
  // The last two words and how many there are, in one pass without allocating.
  let words = 0;
  let nameStart = -1;
  let nameEnd = -1;
  let valueStart = -1;
  let valueEnd = -1;
  for (let i = first; i < end && words <= 8; ) {
    let j = i;
    while (j < end && !isSpace(text[j])) j++;
    words++;
    nameStart = valueStart;
    nameEnd = valueEnd;
    valueStart = i;
    valueEnd = j;
    while (j < end && isSpace(text[j])) j++;
    i = j;
  }
  if (words < 2 || words > 8 || valueEnd - valueStart < 8) return; // a secret is 8+ characters
  const name = text.slice(nameStart, nameEnd);
  if (!DIRECTIVE_NAME.test(name) || (words > 2 && !/[_.-]/.test(name.slice(1)))) return;
  if (text[valueEnd - 1] === ';') valueEnd--;
  const q = text[valueStart];
  if (q === '"' || q === "'" || q === '`' || valueEnd <= valueStart) return; // quoted: read as an inline string
  out.push({ name, context, value: text.slice(valueStart, valueEnd), start: valueStart, end: valueEnd });
}

const INLINE_ENV_PAIR = /([A-Za-z_][A-Za-z0-9_.-]{2,60})=(?=[^=\s])/y;

/**
 * NAME=value words on a command line: `docker run -e DB_PASSWORD=… app`, `env API_TOKEN=… node app.js`,
 * `helm upgrade --set auth.password=…`, `kubectl create secret --from-literal=password=…`.
 */
function readInlineEnvPairs(text: string, from: number, lineEnd: number, out: Assignment[]): void {
  for (let i = Math.max(from, 1); i < lineEnd; i++) {
    if (!(isSpaceAt(text, i - 1) || (text.charCodeAt(i - 1) === 61 && afterLongFlag(text, i - 1, from))) || !/[A-Za-z_]/.test(text[i])) continue;
    const m = stickyMatchAt(INLINE_ENV_PAIR, text, i);
    if (!m || m.index + m[0].length >= lineEnd) continue;
    const value = readValue(text, 'shell', m.index + m[0].length, lineEnd);
    if (!value || value.text.length === 0 || value.quoted) continue; // quoted values are read as inline strings
    out.push({ name: m[1], context: [], value: value.text, start: value.start, end: value.end });
    i = value.end;
  }
}

/** The '=' at `eq` ends a `--long-flag` (so what follows is a NAME=value argument). */
function afterLongFlag(text: string, eq: number, limit: number): boolean {
  let s = eq;
  while (s > limit && s > eq - 40 && /[A-Za-z0-9-]/.test(text[s - 1])) s--;
  return text.startsWith('--', s) && (s === 0 || isSpace(text[s - 1]));
}

function stickyMatchAt(regex: RegExp, text: string, at: number): RegExpExecArray | undefined {
  regex.lastIndex = at;
  return regex.exec(text) ?? undefined;
}

interface Value {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
  /** properties: a trailing backslash continues the value on the next line. */
  continued?: boolean;
}

interface LineKey {
  name: string;
  sepEnd: number;
  value?: Value;
  dockerEnv: boolean;
}

function lineKey(text: string, kind: FileKind, first: number, lineEnd: number): LineKey | undefined {
  if (kind === 'dockerfile') {
    const legacy = stickyMatchAt(DOCKER_LEGACY_ENV, text, first);
    if (legacy && legacy.index + legacy[0].length < lineEnd) {
      const sepEnd = first + legacy[0].length;
      return { name: legacy[1], sepEnd, value: readValue(text, 'ini', sepEnd, lineEnd), dockerEnv: false };
    }
  }
  LINE_KEY.lastIndex = first;
  const m = LINE_KEY.exec(text);
  if (!m || m.index + m[0].length > lineEnd) {
    if (kind !== 'properties') return undefined;
    const spaced = stickyMatchAt(PROPERTIES_SPACE_KEY, text, first);
    if (!spaced || spaced.index + spaced[0].length >= lineEnd) return undefined;
    const sepEnd = first + spaced[0].length;
    return { name: spaced[1], sepEnd, value: readValue(text, kind, sepEnd, lineEnd), dockerEnv: false };
  }
  const [whole, , dockerKeyword, dq, sq, bare, sep] = m;
  const name = dq ?? sq ?? bare;
  const sepEnd = first + whole.length;
  // Which separators each kind uses: `KEY=value` in env/shell, `key: value` in YAML, both in
  // text, ini (Python's configparser) and properties.
  if (sep === ':' && (kind === 'env' || kind === 'shell' || kind === 'toml' || kind === 'dockerfile' || kind === 'python')) return undefined;
  if (sep !== ':' && kind === 'yaml' && !/^-/.test(whole)) return undefined;
  if (sep === ':' && sepEnd < lineEnd && !isSpace(text[sepEnd]) && kind !== 'properties') return undefined; // 'http://…', 'a:b'
  if (sep === '=' && text[sepEnd] === '=') return undefined; // '=='
  if ((kind === 'shell' || kind === 'env') && bare === undefined) return undefined;
  if (kind === 'python') return undefined; // inline strings handle Python (annotations use ':')
  const value = readValue(text, kind, sepEnd, lineEnd);
  return { name, sepEnd, value, dockerEnv: dockerKeyword === 'ENV' };
}

/** YAML tags and anchors before a value: `!!str`, `!vault`, `&default`. */
const YAML_PROPERTY = /(?:!{1,2}[A-Za-z0-9_/:.-]{0,60}|&[A-Za-z0-9_-]{1,60})[ \t]+/y;

function readValue(text: string, kind: FileKind, from: number, lineEnd: number): Value | undefined {
  let i = from;
  while (i < lineEnd && isSpace(text[i])) i++;
  if (kind === 'yaml') {
    for (let n = 0; n < 2; n++) {
      const m = stickyMatchAt(YAML_PROPERTY, text, i);
      if (!m || m.index + m[0].length >= lineEnd) break;
      i += m[0].length;
    }
  }
  if (i >= lineEnd) return { text: '', start: i, end: i, quoted: false };
  const c = text[i];
  if (c === '"' || c === "'") {
    // TOML and Python triple-quoted strings on one line: """…""", '''…'''.
    const triple = c.repeat(3);
    if (text.startsWith(triple, i)) {
      const close = text.indexOf(triple, i + 3);
      if (close >= 0 && close < lineEnd) return { text: text.slice(i + 3, close), start: i + 3, end: close, quoted: true };
    }
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
  if (kind === 'ini') end = withoutInlineComment(text, i, end);
  end = trimEnd(text, i, end);
  let continued = false;
  if (kind === 'properties' && endsWithEscape(text, i, end)) {
    continued = true;
    end = trimEnd(text, i, end - 1);
  }
  return { text: text.slice(i, end), start: i, end, quoted: false, ...(continued ? { continued } : {}) };
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
