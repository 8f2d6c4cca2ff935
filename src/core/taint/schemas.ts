// What a validation schema lets through, read from its source without running it: zod, Joi and
// yup chains (`z.enum(['a', 'b'])`, `Joi.string().valid('pdf')`, `yup.string().matches(/^\w+$/)`)
// and JSON schemas (Fastify route schemas). A value that passed a schema admitting only literal
// values, numbers, booleans, dates, UUIDs, hex or alphanumeric strings, or a strict anchored
// pattern holds no path separators or shell metacharacters.
import type * as TS from 'typescript';
import { skipWrappers, type ModuleBindings } from '../ast/bindings';
import { propertyNameText, propertyOf, type Constants } from '../ast/constants';
import { typescript } from '../parser';
import { kindsSafeAfterMatch } from './regex-safety';
import { ALL_KINDS, type KindMask } from './types';

export interface SchemaInfo {
  /** Kinds the value is safe for once it passed the schema. */
  kinds: KindMask;
  /** Object schemas: what each named field's schema lets through. */
  fields?: ReadonlyMap<string, SchemaInfo>;
}

/** Builders whose value is a number, boolean or date, or a string of letters, digits, '-' and '_'. */
const SAFE_RULES = new Set([
  'number', 'bigint', 'boolean', 'bool', 'date', 'integer', 'int', 'port', 'guid', 'uuid', 'cuid', 'cuid2', 'ulid', 'nanoid',
  'alphanum', 'hex', 'token', 'isoDate', 'nativeEnum', 'positive', 'negative', 'finite', 'safe',
]);
/** Builders whose arguments are the only values admitted. */
const LITERAL_RULES = new Set(['valid', 'only', 'equal', 'oneOf', 'literal', 'enum']);
const PATTERN_RULES = new Set(['pattern', 'regex', 'matches']);
const OBJECT_RULES = new Set(['object', 'keys', 'shape', 'extend', 'append']);
const UNION_RULES = new Set(['union', 'try', 'alternatives']);
const ARRAY_RULES = new Set(['array', 'items', 'of', 'element']);
const MAX_CHAIN = 30;
const MAX_DEPTH = 8;

/** What the schema built by `expr` lets through, or undefined when it is not a schema we can read. */
export function schemaInfo(expr: TS.Expression | undefined, constants: Constants, depth = 0): SchemaInfo | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const ts = typescript();
  let e = skipWrappers(expr);
  for (let i = 0; i < 4 && ts.isIdentifier(e); i++) {
    const init = constants.initializerOf(e.text);
    if (!init) return undefined;
    e = skipWrappers(init);
  }
  if (ts.isObjectLiteralExpression(e)) return objectLiteralSchema(e, constants, depth);
  if (!ts.isCallExpression(e)) return undefined;
  let kinds = 0;
  let fields: Map<string, SchemaInfo> | undefined;
  let recognised = false;
  for (let i = 0; i < MAX_CHAIN && ts.isCallExpression(e); i++) {
    const callee = skipWrappers(e.expression);
    const rule = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!rule) return undefined;
    const args = e.arguments;
    if (SAFE_RULES.has(rule)) {
      kinds = ALL_KINDS;
      recognised = true;
    } else if (LITERAL_RULES.has(rule) && args.length > 0 && literalArguments(args, constants)) {
      kinds = ALL_KINDS;
      recognised = true;
    } else if (PATTERN_RULES.has(rule) && args[0]) {
      kinds |= patternKinds(args[0], constants);
      recognised = true;
    } else if (OBJECT_RULES.has(rule) && args[0]) {
      const shape = objectLiteralOf(args[0], constants);
      if (shape) {
        fields ??= new Map();
        for (const [k, v] of fieldsOf(shape, constants, depth)) if (!fields.has(k)) fields.set(k, v);
        recognised = true;
      }
    } else if (UNION_RULES.has(rule) && args.length > 0) {
      const members = unionMembers(args, constants);
      const infos = members.map((m) => schemaInfo(m, constants, depth + 1));
      if (infos.length > 0 && infos.every((x) => x)) kinds |= infos.reduce((acc, x) => acc & x!.kinds, ALL_KINDS);
      recognised = true;
    } else if (ARRAY_RULES.has(rule) && args[0]) {
      const element = schemaInfo(args[0], constants, depth + 1);
      if (element) kinds |= element.kinds;
      recognised = true;
    } else if (rule === 'string' || rule === 'any' || rule === 'object' || rule === 'array') {
      recognised = true;
    }
    e = ts.isPropertyAccessExpression(callee) ? skipWrappers(callee.expression) : callee;
  }
  return recognised ? { kinds, ...(fields ? { fields } : {}) } : undefined;
}

/** The module the schema's builder comes from ('zod', 'joi', 'yup'), through const names and rule chains. */
export function schemaLibrary(expr: TS.Expression, constants: Constants, bindings: ModuleBindings): string | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (ts.isIdentifier(e)) {
      const module = bindings.moduleOf(e.text);
      if (module) return module.split('.')[0];
      const init = constants.initializerOf(e.text);
      if (!init) return undefined;
      e = skipWrappers(init);
    } else if (ts.isCallExpression(e)) e = skipWrappers(e.expression);
    else if (ts.isPropertyAccessExpression(e)) e = skipWrappers(e.expression);
    else return undefined;
  }
  return undefined;
}

function objectLiteralSchema(o: TS.ObjectLiteralExpression, constants: Constants, depth: number): SchemaInfo {
  // A JSON schema (Fastify, Ajv): { type, enum, pattern, format, properties }.
  const type = valueOf(o, 'type', constants);
  const properties = propertyOf(o, 'properties');
  if (type !== undefined || properties || propertyOf(o, 'enum') || propertyOf(o, 'const')) return jsonSchema(o, constants, depth);
  // A plain object of schemas (hapi's `validate: { payload: { name: Joi.string() } }`).
  return { kinds: 0, fields: fieldsOf(o, constants, depth) };
}

function jsonSchema(o: TS.ObjectLiteralExpression, constants: Constants, depth: number): SchemaInfo {
  const ts = typescript();
  const type = valueOf(o, 'type', constants);
  let kinds = 0;
  if (type === 'integer' || type === 'number' || type === 'boolean') kinds = ALL_KINDS;
  const enumProp = propertyOf(o, 'enum');
  if (enumProp && ts.isPropertyAssignment(enumProp)) {
    const list = skipWrappers(enumProp.initializer);
    if (ts.isArrayLiteralExpression(list) && list.elements.length > 0 && literalArguments(list.elements, constants)) kinds = ALL_KINDS;
  }
  if (propertyOf(o, 'const')) kinds = ALL_KINDS;
  const format = valueOf(o, 'format', constants);
  if (format === 'uuid' || format === 'date' || format === 'date-time' || format === 'time' || format === 'ipv4' || format === 'ipv6') kinds = ALL_KINDS;
  const pattern = valueOf(o, 'pattern', constants);
  if (typeof pattern === 'string') kinds |= kindsSafeAfterMatch(pattern, '');
  const items = propertyOf(o, 'items');
  if (items && ts.isPropertyAssignment(items)) kinds |= schemaInfo(items.initializer, constants, depth + 1)?.kinds ?? 0;
  const properties = propertyOf(o, 'properties');
  const shape = properties && ts.isPropertyAssignment(properties) ? objectLiteralOf(properties.initializer, constants) : undefined;
  return shape ? { kinds, fields: fieldsOf(shape, constants, depth) } : { kinds };
}

function fieldsOf(shape: TS.ObjectLiteralExpression, constants: Constants, depth: number): Map<string, SchemaInfo> {
  const ts = typescript();
  const out = new Map<string, SchemaInfo>();
  for (const p of shape.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = propertyNameText(p.name);
    if (key === undefined) continue;
    const info = schemaInfo(ts.isPropertyAssignment(p) ? p.initializer : p.name, constants, depth + 1);
    if (info) out.set(key, info);
  }
  return out;
}

function literalArguments(args: readonly TS.Expression[], constants: Constants): boolean {
  const ts = typescript();
  if (args.length === 1) {
    // z.enum(['a', 'b']), yup .oneOf(['a', 'b'])
    const only = skipWrappers(args[0]);
    if (ts.isArrayLiteralExpression(only)) return only.elements.length > 0 && only.elements.every((el) => constants.value(el) !== undefined);
  }
  return args.every((a) => constants.value(a) !== undefined || skipWrappers(a).kind === ts.SyntaxKind.NullKeyword);
}

function unionMembers(args: readonly TS.Expression[], constants: Constants): TS.Expression[] {
  const ts = typescript();
  if (args.length === 1) {
    let only = skipWrappers(args[0]);
    if (ts.isIdentifier(only)) only = skipWrappers(constants.initializerOf(only.text) ?? only);
    if (ts.isArrayLiteralExpression(only)) return [...only.elements];
  }
  return [...args];
}

function patternKinds(arg: TS.Expression, constants: Constants): KindMask {
  const ts = typescript();
  let e = skipWrappers(arg);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  if (ts.isRegularExpressionLiteral(e)) {
    const close = e.text.lastIndexOf('/');
    return kindsSafeAfterMatch(e.text.slice(1, close), e.text.slice(close + 1));
  }
  const source = constants.value(e);
  return typeof source === 'string' ? kindsSafeAfterMatch(source, '') : 0;
}

function objectLiteralOf(expr: TS.Expression, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

function valueOf(o: TS.ObjectLiteralExpression, name: string, constants: Constants): unknown {
  const p = propertyOf(o, name);
  return p && typescript().isPropertyAssignment(p) ? constants.value(p.initializer) : undefined;
}
