// The vocabulary of the taint-lite pass: what a value may carry (flows from sources or from a
// function's parameters), per kind of sink it is dangerous for.
import type * as TS from 'typescript';
import type { Fix } from '../types';

/** Kinds of sink a value can be dangerous for, as a bit mask. A sanitizer clears bits. */
export const PATH = 1;
export const COMMAND = 2;
export const ALL_KINDS = PATH | COMMAND;
export type KindMask = number;

export interface Step {
  start: number;
  end: number;
  /** Defaults to "Flows into <text of the range>" (built only when a finding is reported). */
  message?: string;
}

/** Where a flow starts: untrusted input, or (while summarising a helper) one of its parameters. */
export type Origin =
  | {
      type: 'source';
      start: number;
      end: number;
      /** How the message names it: 'req.query.file', "IPC argument 'url'". */
      label: string;
      /** An archive entry name: reported as zip slip. */
      archive?: boolean;
      /** A parameter of an exported function: only sinks inside count, it never flows out. */
      library?: boolean;
    }
  | { type: 'param'; index: number };

export interface Flow {
  readonly origin: Origin;
  readonly kinds: KindMask;
  readonly steps: readonly Step[];
}

/**
 * Objects whose selected fields are untrusted (req.query, ctx.request.body, event.body, job.data,
 * file.originalname, socket.handshake, a tRPC procedure's `input`); the object itself is not.
 */
export type Marker = 'request' | 'lambda-event' | 'queue-job' | 'upload' | 'multipart' | 'socket' | 'rpc' | 'webhook';

export interface Taint {
  readonly flows: readonly Flow[];
  readonly marker?: Marker;
  /** The value came out of path.resolve/join/normalize, so a startsWith(root) check contains it. */
  readonly normalized?: boolean;
}

/** A sink call site, as reported. */
export interface SinkSite {
  /** Rule that reports it when the flow is not an archive entry name. */
  ruleId: RuleId;
  kind: KindMask;
  /** Range to report: the callee's line. */
  start: number;
  end: number;
  /** 'fs.readFile', 'child_process.exec', 'spawn with shell: true'. */
  label: string;
  /** What goes wrong, for the message. */
  reason: SinkReason;
  /** The call, for the quick fix. */
  call?: TS.CallExpression;
}

export type SinkReason =
  | 'path'
  | 'send-file'
  | 'static-root'
  | 'multer-filename'
  | 'shell-string'
  | 'command-line'
  | 'remote-shell'
  | 'shell-option'
  | 'shell-script'
  | 'program'
  | 'argument-injection'
  | 'archive-option';

export type RuleId = 'path-traversal' | 'zip-slip' | 'command-injection' | 'shell-command-injection';

export interface TaintFinding {
  ruleId: RuleId;
  start: number;
  end: number;
  message: string;
  related: { start: number; end: number; message: string }[];
  fix?: Fix;
}
