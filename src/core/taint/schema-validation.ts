// Request validation that a framework runs before the handler: hapi's route
// `options.validate.{payload,query,params,headers}` with Joi schemas. A field whose schema only
// admits literal values (`.valid('pdf', 'png')`), numbers, booleans, UUIDs, hex or alphanumeric
// strings, or a strict anchored pattern, reaches the handler safe.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyNameText, propertyOf, type Constants } from '../ast/constants';
import { typescript } from '../parser';
import { kindsSafeAfterMatch } from './regex-safety';
import { ALL_KINDS, type KindMask } from './types';

export interface ValidatedField {
  /** Request field the schema applies to: 'payload', 'query', 'params', 'headers'. */
  location: string;
  key: string;
  kinds: KindMask;
}

const LOCATIONS = new Set(['payload', 'query', 'params', 'headers', 'state']);
/** Joi types whose converted value holds no path or shell characters. */
const SAFE_TYPES = new Set(['number', 'boolean', 'bool', 'date']);
/** Joi string rules that bound the alphabet to letters, digits, '-' and '_'. */
const SAFE_RULES = new Set(['guid', 'uuid', 'alphanum', 'hex', 'token', 'integer', 'port', 'isoDate']);
const LITERAL_RULES = new Set(['valid', 'only', 'equal']);
const MAX_CHAIN = 30;

/** The fields of a hapi route config (`{ method, path, options: { validate }, handler }`) that its Joi schemas make safe. */
export function validatedFields(route: TS.ObjectLiteralExpression, constants: Constants): ValidatedField[] {
  const validate = propertyValue(route, 'validate', constants) ?? nestedValidate(route, constants);
  if (!validate) return [];
  const out: ValidatedField[] = [];
  for (const p of validate.properties) {
    const location = typescript().isPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    if (!location || !LOCATIONS.has(location)) continue;
    const schema = objectSchema((p as TS.PropertyAssignment).initializer, constants);
    if (!schema) continue;
    for (const field of schema.properties) {
      if (!typescript().isPropertyAssignment(field)) continue;
      const key = propertyNameText(field.name);
      const kinds = key === undefined ? 0 : ruleKinds(field.initializer, constants);
      if (key !== undefined && kinds) out.push({ location, key, kinds });
    }
  }
  return out;
}

function nestedValidate(route: TS.ObjectLiteralExpression, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const options = propertyValue(route, 'options', constants) ?? propertyValue(route, 'config', constants);
  return options ? propertyValue(options, 'validate', constants) : undefined;
}

function propertyValue(o: TS.ObjectLiteralExpression, name: string, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const p = propertyOf(o, name);
  if (!p) return undefined;
  return objectLiteral(typescript().isShorthandPropertyAssignment(p) ? p.name : p.initializer, constants);
}

function objectLiteral(expr: TS.Expression, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

/** `Joi.object({ ... })`, `Joi.object().keys({ ... })`, or a plain `{ key: schema }`. */
function objectSchema(expr: TS.Expression, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const ts = typescript();
  const plain = objectLiteral(expr, constants);
  if (plain) return plain;
  let e = skipWrappers(expr);
  for (let i = 0; i < MAX_CHAIN && ts.isCallExpression(e); i++) {
    const callee = skipWrappers(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if ((callee.name.text === 'object' || callee.name.text === 'keys') && e.arguments[0]) {
      const keys = objectLiteral(e.arguments[0], constants);
      if (keys) return keys;
    }
    e = skipWrappers(callee.expression);
  }
  return undefined;
}

/** Kinds a Joi rule chain (`Joi.string().valid('a', 'b').required()`) makes safe. */
function ruleKinds(expr: TS.Expression, constants: Constants): KindMask {
  const ts = typescript();
  let e = skipWrappers(expr);
  let kinds = 0;
  for (let i = 0; i < MAX_CHAIN && ts.isCallExpression(e); i++) {
    const callee = skipWrappers(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return 0;
    const rule = callee.name.text;
    const args = e.arguments;
    if (SAFE_TYPES.has(rule) || SAFE_RULES.has(rule)) kinds = ALL_KINDS;
    else if (LITERAL_RULES.has(rule) && args.length > 0 && args.every((a) => constants.value(a) !== undefined)) kinds = ALL_KINDS;
    else if ((rule === 'pattern' || rule === 'regex') && args[0]) kinds |= patternKinds(args[0], constants);
    e = skipWrappers(callee.expression);
  }
  return kinds;
}

function patternKinds(arg: TS.Expression, constants: Constants): KindMask {
  const ts = typescript();
  let e = skipWrappers(arg);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  if (!ts.isRegularExpressionLiteral(e)) return 0;
  const close = e.text.lastIndexOf('/');
  return kindsSafeAfterMatch(e.text.slice(1, close), e.text.slice(close + 1));
}
