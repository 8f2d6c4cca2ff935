// Request validation that a framework runs before the handler: hapi's route
// `options.validate.{payload,query,params,headers}` (Joi schemas) and Fastify's route
// `schema.{querystring,params,body,headers}` (JSON schemas). A field whose schema admits only
// safe values (see schemas.ts) reaches the handler safe.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyNameText, propertyOf, type Constants } from '../ast/constants';
import { typescript } from '../parser';
import { schemaInfo } from './schemas';
import type { KindMask } from './types';

export interface ValidatedField {
  /** Request field the schema applies to: 'payload', 'query', 'params', 'headers', 'body'. */
  location: string;
  key: string;
  kinds: KindMask;
}

/** hapi `validate` keys and Fastify `schema` keys -> the request field they validate. */
const LOCATIONS: Record<string, string> = {
  payload: 'payload',
  query: 'query',
  params: 'params',
  headers: 'headers',
  state: 'state',
  querystring: 'query',
  body: 'body',
};

/**
 * The fields that a route's options make safe: hapi `{ method, path, options: { validate },
 * handler }` and Fastify `{ schema }` (as the route object, or the options argument).
 */
export function validatedFields(route: TS.ObjectLiteralExpression, constants: Constants): ValidatedField[] {
  const options = propertyValue(route, 'options', constants) ?? propertyValue(route, 'config', constants);
  const rules = propertyValue(route, 'validate', constants) ?? propertyValue(route, 'schema', constants) ?? (options && propertyValue(options, 'validate', constants));
  if (!rules) return [];
  const out: ValidatedField[] = [];
  for (const p of rules.properties) {
    const name = typescript().isPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    const location = name === undefined ? undefined : LOCATIONS[name];
    if (!location) continue;
    const schema = schemaInfo((p as TS.PropertyAssignment).initializer, constants);
    for (const [key, field] of schema?.fields ?? []) if (field.kinds) out.push({ location, key, kinds: field.kinds });
  }
  return out;
}

function propertyValue(o: TS.ObjectLiteralExpression, name: string, constants: Constants): TS.ObjectLiteralExpression | undefined {
  const p = propertyOf(o, name);
  if (!p) return undefined;
  const ts = typescript();
  let e = skipWrappers(ts.isShorthandPropertyAssignment(p) ? p.name : p.initializer);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}
