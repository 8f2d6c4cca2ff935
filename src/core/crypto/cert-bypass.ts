// Certificate checks switched off through callbacks and switches rather than an options flag:
// Electron's `certificate-error` handler that calls `callback(true)`, `setCertificateVerifyProc`
// that answers 0 (trust) for everything, the `ignore-certificate-errors` switch, and superagent's
// `.disableTLSCerts()`. Only unconditional acceptance is reported: a handler that trusts one
// known host after checking it decides something.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { CryptoFacts } from './facts';
import { lastSegment } from './facts';

export interface CertBypass {
  node: TS.Node;
  message: string;
}

export function certificateBypasses(facts: CryptoFacts): CertBypass[] {
  const ts = facts.ts;
  const found: CertBypass[] = [];
  for (const { node, callee } of facts.calls) {
    if (!ts.isCallExpression(node)) continue;
    const method = lastSegment(callee) || (ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '');
    const args = node.arguments;
    if ((method === 'on' || method === 'once') && args.length >= 2 && stringArg(ts, args[0]) === 'certificate-error') {
      const handler = functionArg(ts, args[1]);
      if (handler && callsLastParameterUnconditionally(ts, handler, (v) => v.kind === ts.SyntaxKind.TrueKeyword)) {
        found.push({ node, message: "This 'certificate-error' handler calls callback(true) for every certificate error, so Electron trusts any certificate, including an attacker's." });
      }
    } else if (method === 'setCertificateVerifyProc' && args.length >= 1) {
      const handler = functionArg(ts, args[0]);
      if (handler && callsLastParameterUnconditionally(ts, handler, (v) => ts.isNumericLiteral(v) && v.text === '0')) {
        found.push({ node, message: 'This certificate verifier answers 0 (trusted) for every certificate, so Electron accepts any certificate, including an attacker\'s.' });
      }
    } else if (method === 'appendSwitch' && args.length >= 1 && stringArg(ts, args[0]) === 'ignore-certificate-errors') {
      found.push({ node, message: "The 'ignore-certificate-errors' switch makes Chromium accept any certificate, so every page and request can be intercepted." });
    } else if (method === 'disableTLSCerts' && ts.isPropertyAccessExpression(node.expression)) {
      found.push({ node, message: 'superagent\'s .disableTLSCerts() turns off certificate verification for this request.' });
    }
  }
  return found;
}

function stringArg(ts: typeof TS, e: TS.Expression): string | undefined {
  const x = skipWrappers(e);
  return ts.isStringLiteralLike(x) ? x.text : undefined;
}

function functionArg(ts: typeof TS, e: TS.Expression): TS.ArrowFunction | TS.FunctionExpression | undefined {
  const x = skipWrappers(e);
  return ts.isArrowFunction(x) || ts.isFunctionExpression(x) ? x : undefined;
}

/** Does the handler's body call its last parameter with an accepting value, outside any condition? */
function callsLastParameterUnconditionally(ts: typeof TS, fn: TS.ArrowFunction | TS.FunctionExpression, accepts: (v: TS.Expression) => boolean): boolean {
  const last = fn.parameters[fn.parameters.length - 1];
  if (!last || !ts.isIdentifier(last.name)) return false;
  const name = last.name.text;
  const isAcceptingCall = (e: TS.Expression): boolean => {
    const x = skipWrappers(e);
    return ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === name && x.arguments.length >= 1 && accepts(skipWrappers(x.arguments[0]));
  };
  if (!ts.isBlock(fn.body)) return isAcceptingCall(fn.body);
  // Top-level statements only: a call inside an `if` depends on what was checked.
  return fn.body.statements.some(
    (st) => (ts.isExpressionStatement(st) && isAcceptingCall(st.expression)) || (ts.isReturnStatement(st) && st.expression !== undefined && isAcceptingCall(st.expression)),
  );
}
