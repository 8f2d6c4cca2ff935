// Messages and quick fixes for secret findings. Messages name the kind of secret and show at
// most a masked prefix of it; the fix (JS/TS string literals only) reads it from the environment.
import { maskSecret } from '../mask';
import type { Fix, RuleContext } from '../types';
import { assignmentOf, codeLiterals, type CodeLiteral } from './code-assignments';
import { envVarName, secretName } from './names';

const ADVICE = 'Load it from the environment or a secret manager, and rotate it: it is in your history.';

export function secretMessage(what: string, value: string): string {
  return `Hardcoded ${what} (${maskSecret(value)}). ${ADVICE}`;
}

/** The file's string literals (JS/TS), shared by the secret rules. */
export function literalsOf(ctx: RuleContext): Map<number, CodeLiteral> | undefined {
  const sourceFile = ctx.sourceFile;
  if (!sourceFile) return undefined;
  return ctx.memo('secrets:literals', () => codeLiterals(sourceFile));
}

/**
 * `Replace with process.env.NAME`, offered only when the secret is the whole content of a JS/TS
 * string literal (replacing part of a string would change its meaning). The name comes from the
 * variable or property the literal is assigned to when that name is about a secret, else from
 * the provider ('STRIPE_SECRET_KEY').
 */
export function envFix(ctx: RuleContext, start: number, end: number, fallbackName: string, preferFallback = false): Fix | undefined {
  const literal = literalsOf(ctx)?.get(start);
  if (!literal || literal.end - 1 !== end) return undefined;
  const name = envNameFor(literal, ctx.text, fallbackName, preferFallback);
  const replacement = `process.env.${name}`;
  return {
    title: `Replace with process.env.${name}`,
    edits: [{ start: literal.start, end: literal.end, newText: literal.inJsx ? `{${replacement}}` : replacement }],
  };
}

function envNameFor(literal: CodeLiteral, text: string, fallback: string, preferFallback: boolean): string {
  const a = assignmentOf(literal, text);
  if (!a) return fallback;
  const env = [...(a.aliases ?? []), a.name].find((n) => /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(n) && secretName(n));
  if (env) return env;
  if (preferFallback || !secretName(a.name)) return fallback;
  // A one-word property ('secret', 'password') takes its owner's name: webhookSigning.secret.
  const owner = a.context[a.context.length - 1];
  const name = /^[A-Za-z_$][\w$]*$/.test(a.name) && !/[A-Z_]/.test(a.name.slice(1)) && owner ? envVarName(owner, a.name) : envVarName(a.name);
  return /^[A-Z][A-Z0-9_]*$/.test(name) ? name : fallback;
}
