// Findings as users read them: the source, the sink, what goes wrong there and what to do, plus
// the taint path as related locations (source, each step, sink) and a fix where one is safe.
import { execFileFix } from './fix-exec-file';
import { clip } from './taint-value';
import type { Shared } from './shared';
import { PATH, type Flow, type RuleId, type SinkSite, type Step, type TaintFinding } from './types';

export function buildFinding(shared: Shared, site: SinkSite, flow: Flow, steps: readonly Step[]): TaintFinding | undefined {
  const origin = flow.origin;
  if (origin.type !== 'source') return undefined;
  const ruleId: RuleId = site.kind === PATH && origin.archive ? 'zip-slip' : site.ruleId;
  const line = lineNumber(shared, origin.start);
  const source = `${origin.label} (line ${line})`;
  const fix = site.reason === 'shell-string' && site.call ? execFileFix(shared, site.call) : undefined;
  const message = ruleId === 'zip-slip' ? zipSlipMessage(source, site) : sinkMessage(source, site, fix?.suggestion);
  const related = [
    { start: origin.start, end: origin.end, message: `Untrusted input: ${origin.label}` },
    ...steps.map((s) => ({ start: s.start, end: s.end, message: s.message ?? `Flows into ${clip(shared.text.slice(s.start, s.end))}` })),
    { start: site.start, end: site.end, message: `Reaches ${site.label}` },
  ];
  return { ruleId, start: site.start, end: site.end, message, related, ...(fix ? { fix: fix.fix } : {}) };
}

function zipSlipMessage(source: string, site: SinkSite): string {
  return (
    `${source}, whose name is chosen by whoever built the archive, reaches ${site.label} without a containment check: ` +
    'an entry named "../../x" writes outside the extraction folder (zip slip). Resolve each target with ' +
    'path.resolve(dest, name) and skip entries whose result does not start with dest + path.sep.'
  );
}

function sinkMessage(source: string, site: SinkSite, suggestion: string | undefined): string {
  switch (site.reason) {
    case 'path':
      return (
        `${source} reaches ${site.label} without a containment check: "../" segments or an absolute path reach files ` +
        'outside the intended folder. Resolve the path and check that it stays inside the root ' +
        '(path.resolve(root, name).startsWith(root + path.sep)), or keep only path.basename(name).'
      );
    case 'send-file':
      return (
        `${source} reaches ${site.label} without a root: "../" segments can send any file the process can read. ` +
        'Pass the name with { root: folder } (send then refuses "..") or reduce it to path.basename(name).'
      );
    case 'static-root':
      return `${source} chooses the folder that ${site.label} serves: "../" segments can publish any folder. Map the input to a fixed folder through an allow-list.`;
    case 'multer-filename':
      return (
        `The client's upload name ${source} becomes the stored file name, and preservePath keeps its folders: ` +
        '"a/../../x" writes outside the upload folder. Generate the name on the server (crypto.randomUUID() + path.extname(name)).'
      );
    case 'shell-string':
      return (
        `${source} flows into ${site.label}: a shell parses the command line, so ; | && and $() in the input run ` +
        `extra commands. ${suggestion ? `Use ${suggestion} instead.` : 'Pass the arguments as an array to execFile/spawn without a shell, or check the value against an allow-list.'}`
      );
    case 'command-line':
      return `${source} flows into ${site.label}, which splits it into a program and its arguments: the input chooses what runs. Call execa(file, [args]) with a fixed program, or check the value against an allow-list.`;
    case 'remote-shell':
      return `${source} flows into ${site.label}: the remote shell parses it, so ; | and $() run extra commands on the server. Validate the value with an allow-list or an anchored pattern, or quote it with shell-quote.`;
    case 'shell-option':
      return `${source} reaches ${site.label}: Node joins the command and its arguments into one shell command line, so ; | and $() in the input run extra commands. Remove the shell option and pass the arguments as an array.`;
    case 'shell-script':
      return `${source} becomes part of the script in ${site.label}: the shell runs whatever it contains. Run the program directly with an argument array instead of through a shell.`;
    case 'argument-injection':
      return (
        `${source} is an operand of ${site.label} with no "--" before it: a value such as "--upload-pack=..." or ` +
        '"-oProxyCommand=..." becomes an option that runs a program. Put "--" before untrusted operands, or check that ' +
        'the value does not start with "-" (an allow-list or an anchored pattern).'
      );
    case 'archive-option':
      return `${source}: ${site.label}. Remove the option so that the extractor strips absolute paths and ".." from entry names.`;
    case 'program':
      return `${source} chooses the program that ${site.label} runs: the input can start any executable. Map it to a fixed program through an allow-list.`;
  }
}

/** 1-based line of an offset, from line starts found with indexOf (cheaper than TypeScript's line map). */
function lineNumber(shared: Shared, offset: number): number {
  const starts = (shared.lineStarts ??= lineStartsOf(shared.text));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
