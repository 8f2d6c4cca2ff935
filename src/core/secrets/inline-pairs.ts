// Name–value pairs written inside one piece of text rather than as `name = value`:
//   an HTTP header line         'X-Api-Key: …'  (as passed to `curl -H`, `wget --header`)
//   a form-encoded body          'client_secret=…&grant_type=client_credentials'
//   a default in an expansion    '${NPM_TOKEN:-…}' (shell, Compose), '${db.password:…}' (Spring)
// The name says what the value is; whether it is a secret is the judge's decision. All scans are
// single passes with bounded look-ahead.

/** A value and the name it is given; the range is absolute, in the scanned text. */
export interface InlinePair {
  name: string;
  start: number;
  end: number;
}

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,60}$/;
const FORM_NAME = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,60}$/;
const MAX_CONTENT = 2048;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** `Name: value` filling the whole range (trailing ';' allowed); the value has no whitespace. */
export function headerPair(text: string, start: number, end: number): InlinePair | undefined {
  if (end - start > MAX_CONTENT) return undefined;
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === ';')) e--;
  const colon = text.indexOf(':', s);
  if (colon < 0 || colon >= e) return undefined;
  let nameEnd = colon;
  while (nameEnd > s && isSpace(text[nameEnd - 1])) nameEnd--;
  const name = text.slice(s, nameEnd);
  if (!HEADER_NAME.test(name)) return undefined;
  let valueStart = colon + 1;
  while (valueStart < e && isSpace(text[valueStart])) valueStart++;
  // 'https://…' and 'pw:adb:run' (a namespace) are not header lines; a header written without a
  // space after its colon needs a header-like name ('x-auth-token:…').
  if (valueStart >= e || text[valueStart] === '/') return undefined;
  if (valueStart === colon + 1 && !name.includes('-')) return undefined;
  for (let i = valueStart; i < e; i++) if (/[\s"'`:]/.test(text[i])) return undefined;
  return { name, start: valueStart, end: e };
}

/** `a=1&client_secret=…`: every pair of a form-encoded string filling the range (no whitespace). */
export function formPairs(text: string, start: number, end: number): InlinePair[] {
  if (end - start > MAX_CONTENT || text.indexOf('=', start) < 0 || text.indexOf('=', start) >= end) return [];
  const out: InlinePair[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && /\s/.test(text[i])) return [];
    if (i < end && text[i] !== '&') continue;
    const eq = text.indexOf('=', partStart);
    if (eq < 0 || eq >= i) return [];
    const name = text.slice(partStart, eq);
    if (!FORM_NAME.test(name)) return [];
    if (i > eq + 1) out.push({ name, start: eq + 1, end: i });
    partStart = i + 1;
  }
  return out;
}

/** `${NAME:-default}`, `${NAME:=default}`, `${NAME-default}`, `${NAME=default}`, Spring `${name:default}`. */
const DEFAULT_EXPANSION = /\$\{([A-Za-z_][A-Za-z0-9_.]{0,100})(:-|:=|-|=|:)([^}\s"'`$]{1,400})\}/y;

/** The hardcoded defaults of variable expansions in [start, end). */
export function expansionDefaults(text: string, start: number, end: number): InlinePair[] {
  const out: InlinePair[] = [];
  for (let at = start; at < end - 1; at++) {
    if (text.charCodeAt(at) !== 36 /* $ */ || text.charCodeAt(at + 1) !== 123 /* { */) continue;
    DEFAULT_EXPANSION.lastIndex = at;
    const m = DEFAULT_EXPANSION.exec(text);
    if (!m || at + m[0].length > end) continue;
    const valueStart = at + 2 + m[1].length + m[2].length;
    out.push({ name: m[1], start: valueStart, end: valueStart + m[3].length });
  }
  return out;
}
