// (name, string literal) pairs in JS/TS, read from the syntax tree: what each literal is
// assigned to, through the shapes real code uses:
//   const JWT_SECRET = '…'              { apiKey: '…' }             this.token = '…'
//   cfg['x-api-key'] = '…'               process.env.X || '…'        X ?? '…'
//   function f(password = '…')           class C { secret = '…' }    <Widget apiKey="…" />
//   sgMail.setApiKey('…')                token === '…'               { keys: ['…', '…'] }
import type * as TS from 'typescript';
import { typescript } from '../parser';
import { flatNodes } from '../ast/walk';
import type { Assignment } from './assignments';

/** Shorter literals cannot be secrets worth reporting; skipping them keeps the walk cheap. */
const MIN_LENGTH = 8;

/** A string literal of the file: its range with quotes, and (computed on demand) its name. */
export interface CodeLiteral {
  start: number;
  end: number;
  inJsx: boolean;
  node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral;
  /** undefined: not computed yet; null: the literal is not assigned to a name. */
  assignment?: Assignment | null;
}

/** Every string literal of 8+ characters, by content start. */
export function codeLiterals(sourceFile: TS.SourceFile): Map<number, CodeLiteral> {
  const ts = typescript();
  const K = ts.SyntaxKind;
  const out = new Map<number, CodeLiteral>();
  // A loop over the flattened tree's kinds: most nodes are rejected without touching the node.
  const { nodes, kinds, subtreeEnd } = flatNodes(sourceFile);
  for (let i = 0; i < kinds.length; ) {
    const kind = kinds[i];
    if (kind === K.ImportDeclaration || kind === K.ExportDeclaration || kind === K.LiteralType) {
      i = subtreeEnd[i];
      continue;
    }
    if (kind !== K.StringLiteral && kind !== K.NoSubstitutionTemplateLiteral) {
      i++;
      continue;
    }
    const node = nodes[i++];
    // node.pos includes leading trivia, so this bound is cheap and safe.
    if (node.end - node.pos - 2 < MIN_LENGTH) continue;
    const start = node.getStart(sourceFile);
    if (node.end - start - 2 < MIN_LENGTH) continue;
    const literal = node as TS.StringLiteral | TS.NoSubstitutionTemplateLiteral;
    out.set(start + 1, { start, end: node.end, inJsx: node.parent.kind === K.JsxAttribute, node: literal });
  }
  return out;
}

/** The name a literal is assigned to, as an Assignment (memoised on the literal). */
export function assignmentOf(literal: CodeLiteral, text: string): Assignment | undefined {
  if (literal.assignment === undefined) {
    const named = nameOf(typescript(), literal.node);
    const { start, end, inJsx } = literal;
    literal.assignment = named
      ? { name: named.name, aliases: named.aliases, context: named.context, value: text.slice(start + 1, end - 1), start: start + 1, end: end - 1, literal: { start, end, inJsx } }
      : null;
  }
  return literal.assignment ?? undefined;
}

/**
 * Named literals that could hold a secret: a secret has no whitespace and is not a document,
 * so those are skipped before the (comparatively costly) look at the syntax around them.
 */
export function codeAssignments(literals: Map<number, CodeLiteral>, text: string): Assignment[] {
  const out: Assignment[] = [];
  for (const l of literals.values()) {
    if (l.end - l.start > 1026 || /\s/.test(text.slice(l.start + 1, l.end - 1))) continue;
    const a = assignmentOf(l, text);
    if (a) out.push(a);
  }
  return out;
}

interface Named {
  name: string;
  aliases: string[];
  context: string[];
}

function nameOf(ts: typeof TS, literal: TS.Expression): Named | undefined {
  const context: string[] = [];
  const aliases: string[] = [];
  // Where the climb finds no name of its own, an alias met on the way (the variable of
  // `config.get('DB_PASSWORD', '…')`) still names the value.
  const withContext = (name: string | undefined): Named | undefined => {
    const found = name ?? aliases[0];
    return found ? { name: found, aliases: name ? aliases : aliases.slice(1), context } : undefined;
  };
  let node: TS.Node = literal;
  for (let depth = 0; depth < 8; depth++) {
    const parent: TS.Node = node.parent;
    if (!parent) return withContext(undefined);
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      node = parent;
      continue;
    }
    if (ts.isConditionalExpression(parent) && node !== parent.condition) {
      node = parent;
      continue;
    }
    if (ts.isArrayLiteralExpression(parent)) {
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if ((op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) && node === parent.right) {
        // process.env.X || '…': the env var names the value too.
        const env = envVarOf(ts, parent.left);
        if (env) aliases.push(env);
        node = parent;
        continue;
      }
      if (op === ts.SyntaxKind.EqualsToken && node === parent.right) {
        // app.keys = ['…']: the owner qualifies a bare 'keys' (Koa's cookie-signing keys).
        const owner = ts.isPropertyAccessExpression(parent.left) ? ownerText(ts, parent.left.expression) : undefined;
        if (owner) context.push(owner);
        return withContext(targetName(ts, parent.left));
      }
      if ((op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) && node === parent.right) {
        return withContext(targetName(ts, parent.left));
      }
      return withContext(undefined);
    }
    if (ts.isVariableDeclaration(parent) && node === parent.initializer) return withContext(bindingName(ts, parent.name));
    if (ts.isPropertyAssignment(parent) && node === parent.initializer) {
      const owner = ownerName(ts, parent.parent);
      if (owner) context.push(owner);
      return withContext(propertyName(ts, parent.name));
    }
    if ((ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isPropertyDeclaration(parent) || ts.isEnumMember(parent)) && node === parent.initializer) {
      return withContext(bindingName(ts, parent.name as TS.BindingName));
    }
    if (ts.isJsxAttribute(parent)) return withContext(parent.name.getText());
    if (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent)) return withContext(parent.parent.name.getText());
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as TS.Expression)) {
      const index = parent.arguments.indexOf(node as TS.Expression);
      // Buffer.from('…', 'hex'), atob('…'): the value keeps the name of what it is assigned to.
      if (index === 0 && isEncodingCall(ts, parent.expression)) {
        node = parent;
        continue;
      }
      // config.get('DB_PASSWORD', '…'), env('API_KEY', '…'), _.get(cfg, 'auth.token', '…'): a
      // lookup's default takes the looked-up name, and the lookup may itself be assigned.
      const looked = lookupDefaultName(ts, parent, index);
      if (looked) {
        aliases.push(looked);
        node = parent;
        continue;
      }
      return withContext(argumentName(ts, parent, index));
    }
    // Buffer.from('…').toString('base64'), '…'.trim()
    if (ts.isPropertyAccessExpression(parent) && /^(?:toString|trim)$/.test(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      node = parent.parent;
      continue;
    }
    return withContext(undefined);
  }
  return withContext(undefined);
}

/** Configuration lookups whose last argument is a default: `config.get('X', '…')`. */
const LOOKUP_CALLEES = /^(?:get|getOrDefault|getOrElse|getString|getOptional|getOrThrow|getenv|getEnv|env|fetch|optional|readEnv)$/;

/** The name looked up by the call whose argument `index` is the default, if it is such a call. */
function lookupDefaultName(ts: typeof TS, call: TS.CallExpression, index: number): string | undefined {
  if (index < 1 || index !== call.arguments.length - 1) return undefined;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (!name || !LOOKUP_CALLEES.test(name)) return undefined;
  const key = call.arguments[index - 1];
  return ts.isStringLiteralLike(key) && /^[A-Za-z_][\w.:-]{0,100}$/.test(key.text) ? key.text : undefined;
}

/** `config.get('API_TOKEN')`, `Deno.env.get('X')`, `configService.getOrThrow<string>('X')`: the name looked up. */
function lookedUpName(ts: typeof TS, expr: TS.Expression): string | undefined {
  if (!ts.isCallExpression(expr) || expr.arguments.length !== 1) return undefined;
  const callee = expr.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  const key = expr.arguments[0];
  if (!name || !LOOKUP_CALLEES.test(name) || !ts.isStringLiteralLike(key)) return undefined;
  return /^[A-Za-z_][\w.:-]{0,100}$/.test(key.text) ? key.text : undefined;
}

function isEncodingCall(ts: typeof TS, callee: TS.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === 'atob' || callee.text === 'btoa';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'from' && callee.expression.getText() === 'Buffer';
}

/**
 * The name an API gives the argument it receives, for APIs whose argument is a secret:
 * setters (`sgMail.setApiKey('…')`, `app.set('jwtSecret', '…')`), `jwt.sign(payload, '…')` / `jwt.verify(token, '…')`,
 * `createHmac(alg, '…')`, `createCipheriv(alg, '…', iv)`, `CryptoJS.AES.encrypt(data, '…')`,
 * `cookieParser('…')`.
 */
function argumentName(ts: typeof TS, call: TS.CallExpression, index: number): string | undefined {
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (!name) return undefined;
  // app.set('jwtSecret', '…'), localStorage.setItem('token', '…'), headers.set('x-api-key', '…')
  const first = call.arguments[0];
  if (index === 1 && /^(?:set|put|setItem|setHeader|append|define|add)$/.test(name) && first && ts.isStringLiteralLike(first)) return first.text;
  const owner = ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : '';
  if (/^set[A-Z_]/.test(name) && index === 0) return name.slice(3);
  if ((name === 'sign' || name === 'verify') && index === 1 && /jwt|jsonwebtoken/i.test(owner)) return 'jwtSecret';
  if (name === 'createHmac' && index === 1) return 'hmacKey';
  if ((name === 'createCipheriv' || name === 'createDecipheriv') && index === 1) return 'encryptionKey';
  if ((name === 'encrypt' || name === 'decrypt') && index === 1 && /\b(?:AES|DES|TripleDES|Rabbit|RC4)$/.test(owner)) return 'encryptionKey';
  if (name === 'cookieParser' && index === 0) return 'cookieSecret';
  return undefined;
}

function bindingName(ts: typeof TS, name: TS.BindingName | TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isComputedPropertyName(name)) {
    const e = name.expression;
    return ts.isStringLiteralLike(e) ? e.text : ts.isIdentifier(e) ? e.text : undefined;
  }
  return bindingName(ts, name);
}

/** `a.b.token = …` -> 'token'; `cfg['x-api-key'] = …` -> 'x-api-key'; `SECRET = …` -> 'SECRET'. */
function targetName(ts: typeof TS, target: TS.Expression): string | undefined {
  if (ts.isIdentifier(target)) return target.text;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  if (ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)) return target.argumentExpression.text;
  return undefined;
}

/** `app`, `this.config`: a short owner of a property, for context (`this` says nothing). */
function ownerText(ts: typeof TS, expr: TS.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

/** The name of the variable or property that holds an object literal, for context. */
function ownerName(ts: typeof TS, object: TS.Node): string | undefined {
  const holder = object.parent;
  if (!holder) return undefined;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (ts.isPropertyAssignment(holder)) return propertyName(ts, holder.name);
  return undefined;
}

/** `process.env`, `import.meta.env`, `Bun.env`, a Worker's `env`, `ctx.env`. */
function isEnvObject(ts: typeof TS, expr: TS.Expression): boolean {
  if (ts.isIdentifier(expr)) return expr.text === 'env';
  return ts.isPropertyAccessExpression(expr) && expr.name.text === 'env';
}

function envVarOf(ts: typeof TS, expr: TS.Expression): string | undefined {
  // process.env.X, process.env['X'], import.meta.env.X, env.X
  if (ts.isPropertyAccessExpression(expr) && isEnvObject(ts, expr.expression)) return expr.name.text;
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression) && isEnvObject(ts, expr.expression)) {
    return expr.argumentExpression.text;
  }
  return lookedUpName(ts, expr);
}
