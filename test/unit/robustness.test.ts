// Hostile input: the engine returns (a skip with a stated reason, or findings) and never throws.
// Each case runs with the default settings (where the size gate catches the biggest inputs) and
// with the size gate lifted, so that the parser and every rule meet the input themselves. No
// timing is asserted (benchmarks live in bench/); a catastrophic pattern would hang this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ALL_FILE_NAMES, CODE_SNIPPET, SNIPPETS, UNLIMITED, analyzeRobustly, seededBytes } from './robustness-support';

const MB = 1 << 20;

/** Runs the case under both settings; returns the result with the size gate lifted. */
function both(text: string, fileName: string, label: string) {
  analyzeRobustly(text, fileName, `${label} (default settings)`, DEFAULT_SETTINGS);
  return analyzeRobustly(text, fileName, `${label} (no size limit)`, UNLIMITED);
}

/** Breaks a long single line into lines of `width` so the minified-code check lets it through. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join('\n');
}

function minifiedBundle(bytes: number): string {
  const parts: string[] = ['!function(e,t){"use strict";'];
  let length = parts[0].length;
  for (let i = 0; length < bytes; i++) {
    const part = `var a${i}=function(n,r){return n+r*${i}},b${i}=["x${i}","y",a${i}(1,2)],c${i}={k:"v${i}",f:function(){return b${i}.join("")}};e.m${i}=c${i};`;
    parts.push(part);
    length += part.length;
  }
  parts.push('}(this,{});');
  return parts.join('');
}

describe('robustness: hostile input', () => {
  it('a 5 MB single-line minified file', () => {
    const text = minifiedBundle(5 * MB);
    const r = both(text, 'public/bundle.js', '5 MB minified');
    assert.ok(r.skipped, 'a 5 MB one-line bundle is skipped as minified');
  });

  it('100,000 nested brackets in .js and .json, on one line and wrapped', () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const fileName of ['deep.js', 'deep.ts', 'deep.json']) {
      both(nested, fileName, `100k nested brackets in ${fileName}`);
      both(wrap(nested, 1000), fileName, `100k nested brackets wrapped in ${fileName}`);
    }
    both(wrap(`const x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};`, 900), 'parens.js', '50k nested parentheses');
    both(wrap(`const o = ${'{a:'.repeat(30_000)}1${'}'.repeat(30_000)};`, 900), 'objects.js', '30k nested object literals');
    both(wrap(`${'f('.repeat(30_000)}x${')'.repeat(30_000)};`, 900), 'calls.js', '30k nested calls');
  });

  it('nesting just shallow enough to parse, so every rule walks the deep tree', () => {
    // TypeScript's parser overflows the default stack at ~800 nested arrays; 500 levels parse.
    const depth = 500;
    const cases: Record<string, string> = {
      arrays: `const a = ${'['.repeat(depth)}req.query.x${']'.repeat(depth)};`,
      calls: `${'exec('.repeat(depth)}req.query.x${')'.repeat(depth)};`,
      arrows: `const f = ${'(req) => '.repeat(depth)}fs.readFileSync(req.query.x);`,
      blocks: `${'if (a) { '.repeat(depth)}exec('ls ' + req.query.x);${' }'.repeat(depth)}`,
      objects: `const o = ${'{ a: '.repeat(depth)}crypto.createCipher('des', k)${' }'.repeat(depth)};`,
      templates: `const t = ${'`${'.repeat(depth)}process.argv[2]${'}`'.repeat(depth)}; exec(t);`,
    };
    for (const [name, text] of Object.entries(cases)) {
      for (const fileName of ['deep.js', 'deep.tsx']) {
        const r = both(wrap(text, 900), fileName, `${depth} nested ${name} in ${fileName}`);
        assert.equal(r.skipped, undefined, `${depth} nested ${name} in ${fileName} is analysed, not skipped`);
      }
    }
  });

  it('long flat chains the parser builds as deep trees', () => {
    // `'a' + 'a' + ...` parses left-deep: 20,000 levels that recursive visitors must survive.
    const terms = Array.from({ length: 20_000 }, (_, i) => `'part${i % 10}'`);
    both(`const secret = ${terms.join(' +\n  ')};\nexec('ls ' + secret);\n`, 'concat.js', '20k-term string concatenation');
    both(`const ok = ${Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(' &&\n  ')};\n`, 'logic.ts', '20k-term logical chain');
  });

  // Member chains parse as deep trees too; resolving a callee must not recurse once per `.b`.
  it('a 20,000-deep member chain', () => {
    both(`const v = a${'.b'.repeat(20_000)};\n`.replace(/(.{800})/g, '$1\n'), 'members.js', '20k-deep member chain');
    both(`const v = a${`${"['b']".repeat(100)}\n`.repeat(200)};\n`, 'elements.ts', '20k-deep element-access chain');
  });

  it('a 1 MB run of one character in .js, .env, .yaml and as a string literal', () => {
    const run = 'a'.repeat(MB);
    both(run, 'run.js', '1 MB run in .js');
    both(run, '.env', '1 MB run in .env');
    both(run, 'config.yaml', '1 MB run in .yaml');
    both(`const token = "${run}";\n`, 'token.js', '1 MB string literal');
    both(`TOKEN=${run}\n`, '.env.local', '1 MB .env value');
    both(`token: "${run}"\n`, 'secrets.yml', '1 MB YAML value');
    // Wrapped in a template literal, the run gets past the minified check to the rules.
    both(`const token = \`${wrap(run, 4000)}\`;\n`, 'token.ts', '1 MB template literal in 4,000-char lines');
    both(`const password = '${'a'.repeat(4900)}';\n`.repeat(200), 'many.js', '200 lines of 4,900-char literals');
  });

  it('a 1 MB key or name in config files', () => {
    for (const c of ['A', 'a', '_', 'aA']) {
      const key = c.repeat(MB / c.length);
      both(`${key}=value-${c}\n`, '.env', `1 MB key of ${c} in .env`);
      both(`${key}: value\n`, 'config.yaml', `1 MB key of ${c} in YAML`);
      both(`{"${key}": "value"}\n`, 'config.json', `1 MB key of ${c} in JSON`);
      both(`${key} = value\n`, 'app.properties', `1 MB key of ${c} in .properties`);
    }
  });

  // Regression: a trailing-comment regex in suppressions.ts was quadratic in the whitespace
  // after the marker (160k spaces: 13 s; 1 MB: minutes).
  it('a suppression comment followed by a 1 MB run of whitespace', () => {
    for (const fileName of ['config.yaml', '.env', 'NOTES.md']) {
      both(`# secure-dev-ignore hardcoded-secret -- ok${' '.repeat(MB)}x\n`, fileName, `suppression + 1 MB spaces in ${fileName}`);
      both(`# secure-dev-ignore ${' '.repeat(MB)}\n`, fileName, `bare marker + 1 MB spaces in ${fileName}`);
    }
  });

  it('deeply nested template literals', () => {
    const deep = (depth: number) => `const t = ${'`${'.repeat(depth)}x${'}`'.repeat(depth)};\n`;
    both(deep(300), 'template.js', '300 nested templates');
    both(wrap(deep(10_000), 1000), 'template.ts', '10k nested templates');
    both(deep(10_000), 'template.js', '10k nested templates on one line');
  });

  it('invalid UTF-8 decoded as text', () => {
    const garbage = seededBytes(42, 256 * 1024).toString('utf8');
    for (const fileName of ALL_FILE_NAMES) both(garbage, fileName, `random bytes as UTF-8 in ${fileName}`);
    // Mostly valid text with a few broken sequences: below the binary threshold, analysed.
    const snippet = Buffer.from(CODE_SNIPPET, 'utf8');
    const broken = Buffer.concat([snippet.subarray(0, 400), Buffer.from([0xc3, 0x28, 0xe2, 0x82]), snippet.subarray(400), Buffer.from([0xff, 0xfe])]).toString('utf8');
    for (const fileName of ALL_FILE_NAMES) both(broken, fileName, `a few invalid sequences in ${fileName}`);
    // Lone surrogates (possible in an editor buffer, never in valid UTF-8).
    both(`const s = '\ud800x\udfff';\n${CODE_SNIPPET}\ud83d`, 'surrogates.ts', 'lone surrogates');
  });

  it('binary files (NUL bytes)', () => {
    const bytes = seededBytes(7, 64 * 1024);
    for (let i = 0; i < bytes.length; i += 97) bytes[i] = 0;
    for (const fileName of ['logo.js', 'data.json', '.env', 'image.png', 'archive.bin']) {
      const r = both(bytes.toString('latin1'), fileName, `binary ${fileName}`);
      assert.match(r.skipped ?? '', /binary/, `binary ${fileName} is skipped as binary`);
    }
    both('\u0000'.repeat(MB), 'zeros.ts', '1 MB of NUL');
  });

  it('empty and whitespace-only files of every kind', () => {
    for (const fileName of ALL_FILE_NAMES) {
      const r = both('', fileName, `empty ${fileName}`);
      assert.equal(r.findings.length, 0);
      both('\n\n\t \r\n', fileName, `whitespace ${fileName}`);
      both('\uFEFF', fileName, `BOM only ${fileName}`);
    }
  });

  it('CRLF and CR line endings find what LF finds, at offsets inside the text', () => {
    for (const { fileName, text } of SNIPPETS) {
      const lf = both(text, fileName, `LF ${fileName}`);
      const crlf = both(text.replace(/\n/g, '\r\n'), fileName, `CRLF ${fileName}`);
      both(text.replace(/\n/g, '\r'), fileName, `CR ${fileName}`);
      both(`\uFEFF${text.replace(/\n/g, '\r\n')}`, fileName, `BOM + CRLF ${fileName}`);
      const ids = (r: typeof lf) => r.findings.map((f) => f.ruleId).sort();
      assert.deepEqual(ids(crlf), ids(lf), `CRLF ${fileName} reports the same rules as LF`);
    }
  });
});
