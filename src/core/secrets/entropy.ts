// Does a value look machine-generated? Secrets are random; identifiers, words, hints and
// placeholders are not. Everything here is a single pass over the value: linear and cheap.

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

type CharClass = 'lower' | 'upper' | 'digit' | 'symbol' | 'space';

function classOf(code: number): CharClass {
  if (code >= 97 && code <= 122) return 'lower';
  if (code >= 65 && code <= 90) return 'upper';
  if (code >= 48 && code <= 57) return 'digit';
  if (code === 32 || code === 9 || code === 10 || code === 13) return 'space';
  return 'symbol';
}

export interface ValueShape {
  length: number;
  lower: number;
  upper: number;
  digit: number;
  symbol: number;
  space: number;
  /** How many of lower/upper/digit/symbol occur. */
  classes: number;
  /**
   * Adjacent alphanumeric pairs whose classes differ (a→B, 7→x, Q→3). Random strings switch
   * class about every other character; words, identifiers and version strings hardly ever do.
   */
  switches: number;
  /** Adjacent alphanumeric pairs. */
  alnumPairs: number;
  /** Longest run of one repeated character ('xxxxxx', '000000'). */
  longestRun: number;
  /** Longest run of consecutive code points ('abcdef', '123456'), a typed-by-hand tell. */
  longestSequence: number;
  /** Adjacent pairs of consecutive code points ('ab', '12'): 1 in 62 pairs in a random string. */
  sequentialPairs: number;
  /** Distinct characters. */
  distinct: number;
  entropy: number;
}

export function shapeOf(value: string): ValueShape {
  const shape: ValueShape = {
    length: value.length, lower: 0, upper: 0, digit: 0, symbol: 0, space: 0, classes: 0,
    switches: 0, alnumPairs: 0, sequentialPairs: 0, longestRun: value.length > 0 ? 1 : 0, longestSequence: value.length > 0 ? 1 : 0,
    distinct: new Set(value).size, entropy: shannonEntropy(value),
  };
  let run = 1;
  let sequence = 1;
  let previous: CharClass | undefined;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const cls = classOf(code);
    shape[cls]++;
    if (i > 0) {
      const before = value.charCodeAt(i - 1);
      run = code === before ? run + 1 : 1;
      sequence = code === before + 1 && cls !== 'symbol' ? sequence + 1 : 1;
      if (sequence > 1) shape.sequentialPairs++;
      shape.longestRun = Math.max(shape.longestRun, run);
      shape.longestSequence = Math.max(shape.longestSequence, sequence);
      const alnum = cls !== 'symbol' && cls !== 'space';
      if (alnum && previous !== undefined && previous !== 'symbol' && previous !== 'space') {
        shape.alnumPairs++;
        if (cls !== previous) shape.switches++;
      }
    }
    previous = cls;
  }
  shape.classes = [shape.lower, shape.upper, shape.digit, shape.symbol].filter((n) => n > 0).length;
  return shape;
}

const HEX = /^[0-9a-f]+$|^[0-9A-F]+$/;
const WORD_PARTS = /[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]+|\d+/g;
const VOWELS = /[aeiouAEIOU]/g;
const DIGIT_THEN_LETTER = /\d[A-Za-z]/g;

/**
 * Made of words: 'refreshTokenClientAcquireToken', 'SuperSecretToken', 'privateKeyStream',
 * 'orders-staging'. Every letter part is 3+ letters, parts are few per character, and vowels
 * are as common as in language. Random strings break into many 1–2 letter parts.
 */
export function isWordy(value: string): boolean {
  // Upper-case words are written with separators (API_KEY_HEADER); a long unbroken upper-case
  // run with digits is a code ('AKIA…', base32), not words.
  if (!/[a-z]/.test(value) && !/[\s_.:/-]/.test(value) && /\d/.test(value) && value.length >= 12) return false;
  const parts = value.match(WORD_PARTS) ?? [];
  const letterParts = parts.filter((p) => !/^\d/.test(p));
  if (letterParts.length === 0) return false;
  if (letterParts.some((p) => p.length < 3 && !/^(?:a|an|as|at|be|by|do|go|id|if|in|is|it|my|no|of|on|or|to|up|us|we)$/i.test(p))) return false;
  const digitParts = parts.length - letterParts.length;
  if (digitParts > 2) return false;
  // Identifiers put digits at the end of words ('Summer2024', 'html5'); random strings put
  // them anywhere ('VZCECHL7SLYZ6OHY').
  if ((value.match(DIGIT_THEN_LETTER)?.length ?? 0) >= 2) return false;
  const letters = letterParts.join('');
  const vowels = letters.match(VOWELS)?.length ?? 0;
  // Language is ~38% vowels; random letters ~19%.
  return vowels >= letters.length * 0.3;
}

export function isHex(value: string): boolean {
  return HEX.test(value);
}

/**
 * True when `value` reads as machine-generated: a random token, key, or generated password.
 * Tuned so that base62/base64/hex strings of 12+ characters pass with overwhelming probability,
 * while words, identifiers ('orders-staging'), versions, dates and hand-typed fakes do not.
 */
export function looksRandom(value: string, minLength = 12): boolean {
  if (value.length < minLength) return false;
  const s = shapeOf(value);
  if (s.space > 0) return false;
  // Runs and sequences of five are typed by hand in short values; long ones (a 64-digit hex key)
  // produce them by chance, so there it takes six.
  const typed = value.length >= 32 ? 6 : 5;
  if (s.longestRun >= typed || s.longestSequence >= typed) return false;
  if (s.sequentialPairs >= Math.max(4, value.length * 0.3)) return false; // 'abc123def456'
  const letters = s.lower + s.upper;
  if (isHex(value)) {
    // Hex has 16 symbols; digits outnumber letters 10:6, so switches are rarer than in base62.
    return s.digit >= 2 && letters >= 2 && s.switches >= 3 && s.distinct >= Math.min(8, value.length * 0.5);
  }
  if (s.distinct < Math.min(10, value.length * 0.5)) return false;
  if (letters < value.length * 0.12) return false; // numbers, phone numbers, timestamps, dates
  if (isWordy(value)) return false; // identifiers and phrases, however mixed their case
  // A random base36/base62/base64 string mixes at least two of lower/upper/digit, and switches
  // between them often. ('orders-staging', 'claude-3-5-sonnet', 'Geheimnis' do not.)
  const alnumClasses = [s.lower, s.upper, s.digit].filter((n) => n > 0).length;
  if (alnumClasses < 2) return false;
  if (s.alnumPairs === 0 || s.switches < Math.max(3, s.alnumPairs * 0.2)) return false;
  return s.entropy >= (value.length >= 20 ? 3.2 : 2.8);
}

/**
 * A human-chosen but non-trivial password: 8+ characters with at least three character classes
 * ('Summer2024!', 'Tr0ub4dor&3'). Used only for values assigned to password-like names.
 */
export function looksLikePassword(value: string): boolean {
  if (value.length < 8 || value.length > 128) return false;
  const s = shapeOf(value);
  if (s.space > 0 || s.longestRun >= 5 || s.longestSequence >= 5) return false;
  return s.classes >= 3 && s.distinct >= 6;
}
