// class-validator DTOs (NestJS with a ValidationPipe): `@Body() dto: CreateReportDto` is checked
// against the decorators on the DTO's properties before the handler runs. A property restricted
// to listed values, numbers, booleans, dates, UUIDs or alphanumeric strings, or to a strict
// anchored pattern, is safe in the handler.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { typescript } from '../parser';
import { kindsSafeAfterMatch } from './regex-safety';
import { ALL_KINDS, type KindMask } from './types';

const SAFE_DECORATORS = new Set([
  'IsInt', 'IsNumber', 'IsNumberString', 'IsBoolean', 'IsBooleanString', 'IsDate', 'IsDateString', 'IsISO8601', 'IsUUID',
  'IsMongoId', 'IsAlphanumeric', 'IsAlpha', 'IsHexadecimal', 'IsNumeric', 'IsPort', 'IsEnum', 'IsIP', 'IsSemVer', 'IsPositive',
  'IsNegative', 'Min', 'Max', 'IsDecimal', 'IsHash', 'IsISO31661Alpha2', 'IsLocale', 'IsCurrency', 'IsJWT',
]);

/** property name -> kinds its decorators make safe, for a class declared in this file. */
export function dtoRules(sf: TS.SourceFile, className: string, constants: Constants): Map<string, KindMask> | undefined {
  const ts = typescript();
  const cls = sf.statements.find((s): s is TS.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className);
  if (!cls) return undefined;
  let out: Map<string, KindMask> | undefined;
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
    let kinds = 0;
    for (const d of ts.getDecorators(member) ?? []) kinds |= decoratorKinds(d, constants);
    if (kinds) (out ??= new Map()).set(member.name.text, kinds);
  }
  return out;
}

function decoratorKinds(d: TS.Decorator, constants: Constants): KindMask {
  const ts = typescript();
  const e = d.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return 0;
  const name = e.expression.text;
  if (SAFE_DECORATORS.has(name)) return ALL_KINDS;
  if (name === 'IsIn' && e.arguments[0]) {
    const list = skipWrappers(e.arguments[0]);
    return ts.isArrayLiteralExpression(list) && list.elements.length > 0 && list.elements.every((el) => constants.value(el) !== undefined) ? ALL_KINDS : 0;
  }
  if (name === 'Matches' && e.arguments[0]) {
    const re = skipWrappers(e.arguments[0]);
    if (ts.isRegularExpressionLiteral(re)) {
      const close = re.text.lastIndexOf('/');
      return kindsSafeAfterMatch(re.text.slice(1, close), re.text.slice(close + 1));
    }
  }
  return 0;
}
