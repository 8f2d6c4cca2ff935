// What a regular expression lets through, read from its source text without running it:
// `/^[a-z0-9-]+$/.test(x)` passing means x holds no '/' and no shell metacharacter.
import { ALL_KINDS, COMMAND, PATH, type KindMask } from './types';

/** Characters that let input escape a folder. */
const PATH_CHARS = ['/', '\\'];
/** Characters that let input end, chain or nest a shell command, or break out of quotes. */
const SHELL_CHARS = [';', '&', '|', '$', '`', '(', ')', '<', '>', '\n', '\r', "'", '"', '\\'];

/** Set of characters a pattern position can match; `any` when it is unbounded (`.`, `\S`, `[^...]`). */
interface CharSet {
  chars: Set<string>;
  /** Everything except `chars` (a negated class). */
  negated: boolean;
}

/** Kinds for which a value is safe once a full-string match of `source` succeeded. */
export function kindsSafeAfterMatch(source: string, flags: string): KindMask {
  if (flags.includes('m') || !isFullyAnchored(source)) return 0;
  const sets = charSets(source.slice(1, -1));
  if (!sets) return 0;
  return safeKinds(sets);
}

/**
 * Kinds for which a value is safe when `source` (unanchored, e.g. `/[^a-z0-9._-]/`) did NOT
 * match it: the pattern finds any forbidden character, so its absence bounds the alphabet.
 */
export function kindsSafeAfterNoMatch(source: string, flags: string): KindMask {
  if (flags.includes('m')) return 0;
  const single = singleClass(source);
  if (single && single.negated) return safeKinds([{ chars: single.chars, negated: false }]);
  if (single && !single.negated) return forbiddenKinds(single.chars);
  // /\.\./ not matching: no parent-directory segment.
  if (source === '\\.\\.' || source === '\\.\\.\\/' || source === '\\.\\.[\\/\\\\]' || source === '\\.\\.(\\/|\\\\)') return PATH;
  return 0;
}

/**
 * Kinds for which `x.replace(/re/g, replacement)` is safe: a global replace of every character
 * outside an allowed class (`/[^a-z0-9-]/g`) or of every separator (`/[\/\\]/g`).
 */
export function kindsSafeAfterReplace(source: string, flags: string, replacement: string): KindMask {
  if (!flags.includes('g')) return 0;
  const single = singleClass(stripQuantifier(source));
  if (!single) return 0;
  const replaced = new Set(replacement);
  if (single.negated) {
    const kept = new Set([...single.chars, ...replaced]);
    return safeKinds([{ chars: kept, negated: false }]);
  }
  let kinds = forbiddenKinds(single.chars);
  if (PATH_CHARS.some((c) => replaced.has(c))) kinds &= ~PATH;
  if (SHELL_CHARS.some((c) => replaced.has(c))) kinds &= ~COMMAND;
  return kinds;
}

function forbiddenKinds(chars: Set<string>): KindMask {
  let kinds = 0;
  if (chars.has('/')) kinds |= PATH;
  if (SHELL_CHARS.every((c) => chars.has(c))) kinds |= COMMAND;
  return kinds;
}

function safeKinds(sets: CharSet[]): KindMask {
  const allows = (c: string) => sets.some((s) => (s.negated ? !s.chars.has(c) : s.chars.has(c)));
  let kinds = ALL_KINDS;
  if (PATH_CHARS.some(allows)) kinds &= ~PATH;
  if (SHELL_CHARS.some(allows)) kinds &= ~COMMAND;
  return kinds;
}

function stripQuantifier(source: string): string {
  if (source.endsWith('+') || source.endsWith('*')) return source.slice(0, -1);
  return source;
}

/** `^...$` with no alternation at the top level (`^a|b$` is anchored at one end only). */
function isFullyAnchored(source: string): boolean {
  if (!source.startsWith('^') || !source.endsWith('$') || source.length < 2) return false;
  if (countTrailingBackslashes(source, source.length - 1) % 2 === 1) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length - 1; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

function countTrailingBackslashes(s: string, end: number): number {
  let n = 0;
  for (let i = end - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n;
}

/** The pattern is exactly one character class, e.g. `[^a-z0-9-]` or `\d`. */
function singleClass(source: string): CharSet | undefined {
  if (source.startsWith('[')) {
    const parsed = parseClass(source, 0);
    return parsed && parsed.end === source.length ? parsed.set : undefined;
  }
  if (source.startsWith('\\') && source.length === 2) return escapeSet(source[1]);
  return undefined;
}

/** Character sets of every matching position in a pattern body; undefined when unparseable. */
function charSets(body: string): CharSet[] | undefined {
  const sets: CharSet[] = [];
  const literal = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const e = body[i + 1];
      if (e === undefined) return undefined;
      i++;
      if (e === 'b' || e === 'B') continue;
      if (e === 'p' || e === 'P') {
        // \p{L}: letters (or their complement); no syntax characters either way for \p.
        const close = body.indexOf('}', i);
        if (close < 0) return undefined;
        if (e === 'P') sets.push({ chars: new Set(), negated: true });
        i = close;
        continue;
      }
      if (e === 'u' || e === 'x' || e === 'c') {
        sets.push({ chars: new Set(), negated: true });
        continue;
      }
      sets.push(escapeSet(e));
      continue;
    }
    if (c === '[') {
      const parsed = parseClass(body, i);
      if (!parsed) return undefined;
      sets.push(parsed.set);
      i = parsed.end - 1;
      continue;
    }
    if (c === '.') {
      sets.push({ chars: new Set(), negated: true });
      continue;
    }
    if (c === '(') {
      // Lookarounds match no characters of their own: in an anchored pattern, the rest still
      // has to match the whole value. Skip them (`(?=.{1,253}$)` length checks).
      if (body[i + 1] === '?' && (body[i + 2] === '=' || body[i + 2] === '!' || (body[i + 2] === '<' && (body[i + 3] === '=' || body[i + 3] === '!')))) {
        const close = groupEnd(body, i);
        if (close < 0) return undefined;
        i = close;
        continue;
      }
      // Skip group prefixes: (?:  (?<name>
      if (body[i + 1] === '?') {
        if (body[i + 2] === '<' && body[i + 3] !== '=' && body[i + 3] !== '!') {
          const close = body.indexOf('>', i);
          if (close < 0) return undefined;
          i = close;
        } else i += body[i + 2] === '<' ? 3 : 2;
      }
      continue;
    }
    if (c === '{') {
      const close = body.indexOf('}', i);
      if (close > i && /^\d+(,\d*)?$/.test(body.slice(i + 1, close))) {
        i = close;
        continue;
      }
    }
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '^' || c === '$') continue;
    literal.add(c);
  }
  sets.push({ chars: literal, negated: false });
  return sets;
}

/** Index of the `)` closing the group that opens at `open`; -1 when unbalanced. */
function groupEnd(body: string, open: number): number {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const parsed = parseClass(body, i);
      if (!parsed) return -1;
      i = parsed.end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function escapeSet(e: string): CharSet {
  const chars = new Set<string>();
  const addRange = (from: string, to: string) => {
    for (let k = from.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
  };
  switch (e) {
    case 'd':
      addRange('0', '9');
      return { chars, negated: false };
    case 'w':
      addRange('0', '9');
      addRange('a', 'z');
      addRange('A', 'Z');
      chars.add('_');
      return { chars, negated: false };
    case 's':
      for (const c of ' \t\n\r\v\f') chars.add(c);
      return { chars, negated: false };
    case 'D':
    case 'W':
    case 'S':
      return { chars: new Set(), negated: true };
    case 'n':
      return { chars: new Set(['\n']), negated: false };
    case 'r':
      return { chars: new Set(['\r']), negated: false };
    case 't':
      return { chars: new Set(['\t']), negated: false };
    default:
      return { chars: new Set([e]), negated: false };
  }
}

/** Parses `[...]` starting at `start`; returns the set and the index after `]`. */
function parseClass(s: string, start: number): { set: CharSet; end: number } | undefined {
  let i = start + 1;
  const negated = s[i] === '^';
  if (negated) i++;
  const chars = new Set<string>();
  let anyChar = false;
  let prev: string | undefined;
  for (let first = true; i < s.length; first = false) {
    let c = s[i];
    if (c === ']' && !first) {
      const set: CharSet = anyChar ? { chars: new Set(), negated: !negated } : { chars, negated };
      return { set, end: i + 1 };
    }
    if (c === '\\') {
      const e = s[i + 1];
      if (e === undefined) return undefined;
      i += 2;
      const esc = escapeSet(e);
      if (esc.negated) anyChar = true;
      else if (esc.chars.size === 1) {
        c = [...esc.chars][0];
        chars.add(c);
        prev = c;
        continue;
      } else for (const k of esc.chars) chars.add(k);
      prev = undefined;
      continue;
    }
    if (c === '-' && prev !== undefined && s[i + 1] !== undefined && s[i + 1] !== ']') {
      let to = s[i + 1];
      let step = 2;
      if (to === '\\') {
        to = s[i + 2] ?? '';
        step = 3;
      }
      const from = prev.charCodeAt(0);
      const end = to.charCodeAt(0);
      // Wide ranges (beyond Latin-1) are treated as "anything".
      if (end - from > 256) anyChar = true;
      else for (let k = from; k <= end; k++) chars.add(String.fromCharCode(k));
      i += step;
      prev = undefined;
      continue;
    }
    chars.add(c);
    prev = c;
    i++;
  }
  return undefined;
}
