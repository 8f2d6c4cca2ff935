// The taint-lite pass itself: related locations, summaries, termination and bounded work on
// hostile input, and the regex reading behind "strict anchored pattern" sanitizers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../src/core/parser';
import { runTaintPass } from '../../src/core/taint/pass';
import { kindsSafeAfterMatch, kindsSafeAfterNoMatch, kindsSafeAfterReplace } from '../../src/core/taint/regex-safety';
import { ALL_KINDS, COMMAND, PATH } from '../../src/core/taint/types';
import { findingsOf, lineOf } from './taint-support';

describe('taint-lite: related locations', () => {
  it('start at the source, list the steps, end at the sink', () => {
    const code = [
      "const fs = require('fs');", // 1
      "const path = require('path');", // 2
      'function load(file) {', // 3
      "  return fs.readFileSync(file, 'utf8');", // 4
      '}', // 5
      "app.get('/doc', (req, res) => {", // 6
      '  const name = req.query.name;', // 7
      "  const full = path.join('/docs', name);", // 8
      '  res.send(load(full));', // 9
      '});', // 10
    ].join('\n');
    const [f] = findingsOf(code, 'a.js');
    assert.equal(f.ruleId, 'path-traversal');
    assert.equal(lineOf(code, f.start), 4, 'reported at the sink inside the helper');
    const related = f.related ?? [];
    assert.ok(related.length >= 4, JSON.stringify(related));
    assert.equal(code.slice(related[0].start, related[0].end), 'req.query.name');
    assert.match(related[0].message, /req\.query\.name/);
    assert.deepEqual(related.map((r) => lineOf(code, r.start)), [7, 7, 8, 9, 4]);
    assert.match(related[3].message, /Passed to load\(\) as 'file'/);
    assert.match(related[related.length - 1].message, /fs\.readFileSync/);
    assert.match(f.message, /^req\.query\.name \(line 7\) reaches fs\.readFileSync/);
  });

  it('name IPC arguments and exported parameters in the message', () => {
    const ipc = "import { ipcMain } from 'electron';\nimport { exec } from 'child_process';\nipcMain.on('x', (_e, host) => exec('ping ' + host));\n";
    assert.match(findingsOf(ipc)[0].message, /^IPC argument 'host' \(line 3\) flows into child_process\.exec/);
    const lib = "import { execSync } from 'child_process';\nexport function tag(name: string) { execSync(`git tag ${name}`); }\n";
    assert.match(findingsOf(lib)[0].message, /^parameter 'name' of exported tag\(\) \(line 2\)/);
  });
});

describe('taint-lite: summaries', () => {
  it('terminates on recursion and mutual recursion', () => {
    const code = `const { execSync } = require('child_process');
function a(x, n) { if (n > 0) return b(x, n - 1); execSync('echo ' + x); return x; }
function b(x, n) { return a(x + '!', n); }
function c(x) { return c(x); }
app.get('/r', (req) => { a(req.query.q, 3); c(req.query.q); });
`;
    const found = findingsOf(code, 'a.js');
    assert.deepEqual(found.map((f) => lineOf(code, f.start)), [2]);
  });

  it('a helper chain deeper than one level still reports at the innermost sink', () => {
    const code = `const fs = require('fs');
function l4(p) { fs.unlinkSync(p); }
function l3(p) { l4('/tmp/' + p); }
function l2(p) { l3(p.trim()); }
function l1(p) { l2(String(p)); }
app.delete('/x', (req) => l1(req.body.f));
`;
    assert.deepEqual(findingsOf(code, 'a.js').map((f) => lineOf(code, f.start)), [2]);
  });

  it('methods through this and injected services', () => {
    const code = `import { exec } from 'child_process';
class Git {
  private run(cmd: string) { exec(cmd); }
  log(ref: string) { this.run('git log ' + ref); }
}
class Api {
  constructor(private readonly git: Git) {}
  @Get() get(@Query('ref') ref: string) { this.git.log(ref); }
}
`;
    assert.deepEqual(findingsOf(code).map((f) => lineOf(code, f.start)), [3]);
  });
});

describe('taint-lite: hostile input', () => {
  const time = (fn: () => void): number => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };

  // Nesting the parser itself accepts (deeper input is skipped by the engine before any rule runs).
  it('deep nesting, long concatenations and many functions finish quickly without throwing', () => {
    const cases = [
      `const { exec } = require('child_process');\napp.get('/', (req) => exec(${'('.repeat(400)}req.query.a${')'.repeat(400)}));\n`,
      `const { exec } = require('child_process');\napp.get('/', (req) => exec('a' ${'+ req.query.a '.repeat(20000)}));\n`,
      `const fs = require('fs');\napp.get('/', (req) => {\n${'if (req.query.a) {\n'.repeat(800)}fs.readFileSync(req.query.a);\n${'}\n'.repeat(800)}});\n`,
      `const fs = require('fs');\n${Array.from({ length: 2000 }, (_, i) => `function f${i}(x) { return f${i + 1}(x); }`).join('\n')}\nfunction f2000(x) { fs.readFileSync(x); }\napp.get('/', (req) => f0(req.query.a));\n`,
      `const fs = require('fs');\nconst t = \`${'${`'.repeat(500)}x${'`}'.repeat(500)}\`;\nfs.readFileSync(t);\n`,
    ];
    for (const code of cases) {
      const sf = parse(code, 'a.js', 'js');
      let result: unknown;
      const ms = time(() => {
        result = runTaintPass(sf, code);
      });
      assert.ok(Array.isArray(result));
      assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    }
  });

  it('a 300-function helper chain is summarised with bounded re-analysis', () => {
    const code = `const fs = require('fs');\n${Array.from({ length: 300 }, (_, i) => `function f${i}(x) { return f${i + 1}(x); }`).join('\n')}\nfunction f300(x) { fs.readFileSync(x); }\napp.get('/', (req) => f0(req.query.a));\n`;
    const found = findingsOf(code, 'a.js');
    assert.equal(found.length, 1);
    assert.equal(lineOf(code, found[0].start), 302);
  });
});

describe('taint-lite: regular expressions as sanitizers', () => {
  it('anchored patterns without separators or shell metacharacters', () => {
    assert.equal(kindsSafeAfterMatch('^[a-z0-9-]{1,40}$', ''), ALL_KINDS);
    assert.equal(kindsSafeAfterMatch('^[a-f0-9]{64}$', 'i'), ALL_KINDS);
    assert.equal(kindsSafeAfterMatch('^\\d+$', ''), ALL_KINDS);
    assert.equal(kindsSafeAfterMatch('^[\\w.-]+$', ''), ALL_KINDS);
    assert.equal(kindsSafeAfterMatch('^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$', 'i'), ALL_KINDS);
    assert.equal(kindsSafeAfterMatch('^(?<name>[a-z]+)$', ''), ALL_KINDS);
  });

  it('separators allowed: safe for commands only; metacharacters allowed: for paths only', () => {
    assert.equal(kindsSafeAfterMatch('^[\\w./-]+$', ''), COMMAND);
    assert.equal(kindsSafeAfterMatch('^https:\\/\\/[\\w.-]+\\/[\\w./-]+$', ''), COMMAND);
    assert.equal(kindsSafeAfterMatch('^[\\w ;|]+$', ''), PATH);
    assert.equal(kindsSafeAfterMatch('^\\s*\\w+$', ''), PATH);
  });

  it('unanchored, partly anchored, multiline or open patterns clean nothing', () => {
    assert.equal(kindsSafeAfterMatch('[a-z]+', ''), 0);
    assert.equal(kindsSafeAfterMatch('^[a-z]+', ''), 0);
    assert.equal(kindsSafeAfterMatch('^[a-z]+$|^.*$', ''), 0);
    assert.equal(kindsSafeAfterMatch('^[a-z]+$', 'm'), 0);
    assert.equal(kindsSafeAfterMatch('^.+$', ''), 0);
    assert.equal(kindsSafeAfterMatch('^[^/\\\\]+$', ''), PATH);
    assert.equal(kindsSafeAfterMatch('^[^/]+$', ''), 0, 'backslash separates on Windows');
    assert.equal(kindsSafeAfterMatch('^\\S+$', ''), 0);
    assert.equal(kindsSafeAfterMatch('^[a-z]+\\$', ''), 0);
  });

  it('forbidden-character searches and global replaces', () => {
    assert.equal(kindsSafeAfterNoMatch('[^a-z0-9._-]', 'i'), ALL_KINDS);
    assert.equal(kindsSafeAfterNoMatch('[\\/\\\\]', ''), PATH);
    assert.equal(kindsSafeAfterNoMatch('\\.\\.', ''), PATH);
    assert.equal(kindsSafeAfterReplace('[^a-z0-9-]', 'g', '-'), ALL_KINDS);
    assert.equal(kindsSafeAfterReplace('[^a-z0-9-]', '', '-'), 0, 'first occurrence only');
    assert.equal(kindsSafeAfterReplace('[\\/\\\\]', 'g', '_'), PATH);
    assert.equal(kindsSafeAfterReplace('\\.\\.\\/', 'g', ''), 0, "removing '../' once leaves '....//'");
    assert.equal(kindsSafeAfterReplace('[^\\w]', 'g', '/'), COMMAND);
  });
});
