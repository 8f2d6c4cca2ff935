// Seeded fuzzing of the engine: random bytes, random code-like characters, and realistic snippets
// of every file kind mutated by deleting, duplicating, swapping and inserting random slices.
// Whatever the input, analyze() must not throw, no rule may throw, and every range must lie
// inside the text (see analyzeRobustly). A failure names the seed and iteration to replay.
import { describe, it } from 'node:test';
import { SNIPPETS, UNLIMITED, analyzeRobustly, seededBytes, seededRandom } from './robustness-support';

const SEED = 20_260_329;
const MUTATION_ROUNDS = 320;
const RANDOM_TEXTS = 120;

/** Characters that stress tokenizers: quotes, template and regex delimiters, brackets, escapes. */
const CODE_CHARS = '`\'"/\\*{}[]()$<>=+-.,;:!?&|#@%^~_\n\r\t aA0zZ9\u00e9\u2028\u2029\ufeff\ud83d\ude00';

function mutate(text: string, next: () => number): string {
  const at = (n: number) => Math.floor(next() * n);
  let out = text;
  const operations = 1 + at(4);
  for (let k = 0; k < operations; k++) {
    const start = at(out.length + 1);
    const end = Math.min(out.length, start + at(200));
    switch (at(5)) {
      case 0: // delete a slice
        out = out.slice(0, start) + out.slice(end);
        break;
      case 1: // duplicate a slice in place
        out = out.slice(0, end) + out.slice(start, end) + out.slice(end);
        break;
      case 2: {
        // swap a slice with another one further on
        const other = at(out.length + 1);
        const [a, b] = start < other ? [start, other] : [other, start];
        const len = Math.min(at(120), b - a, out.length - b);
        out = out.slice(0, a) + out.slice(b, b + len) + out.slice(a + len, b) + out.slice(a, a + len) + out.slice(b + len);
        break;
      }
      case 3: {
        // insert a few tokenizer-hostile characters
        let noise = '';
        for (let i = at(12); i >= 0; i--) noise += CODE_CHARS[at(CODE_CHARS.length)];
        out = out.slice(0, start) + noise + out.slice(start);
        break;
      }
      default: // truncate: the half-typed end of a file
        out = out.slice(0, start);
    }
  }
  return out;
}

describe('fuzz: the engine never throws and keeps every range inside the text', () => {
  it(`mutated realistic snippets of every file kind (${MUTATION_ROUNDS} rounds)`, () => {
    const next = seededRandom(SEED);
    for (let i = 0; i < MUTATION_ROUNDS; i++) {
      const { fileName, text } = SNIPPETS[i % SNIPPETS.length];
      const mutated = mutate(text, next);
      analyzeRobustly(mutated, fileName, `seed ${SEED} round ${i} (${fileName})`);
      // The same mutated text read as another kind of file: rules must not assume the extension.
      const other = SNIPPETS[(i * 7 + 3) % SNIPPETS.length].fileName;
      analyzeRobustly(mutated, other, `seed ${SEED} round ${i} as ${other}`);
    }
  });

  it(`random bytes and random code-like text (${RANDOM_TEXTS} inputs)`, () => {
    const next = seededRandom(SEED + 1);
    for (let i = 0; i < RANDOM_TEXTS; i++) {
      const { fileName } = SNIPPETS[i % SNIPPETS.length];
      const length = Math.floor(next() * 4096);
      const bytes = seededBytes(SEED + i, length);
      analyzeRobustly(bytes.toString('utf8'), fileName, `random bytes (utf8) seed ${SEED + i}, ${fileName}`, UNLIMITED);
      // latin1 never produces U+FFFD, so NUL-free random text gets past the binary check.
      analyzeRobustly(bytes.toString('latin1').replace(/\u0000/g, ' '), fileName, `random bytes (latin1) seed ${SEED + i}, ${fileName}`, UNLIMITED);
      let chars = '';
      for (let k = 0; k < length; k++) chars += CODE_CHARS[Math.floor(next() * CODE_CHARS.length)];
      analyzeRobustly(chars, fileName, `random code characters round ${i}, ${fileName}`, UNLIMITED);
    }
  });
});
