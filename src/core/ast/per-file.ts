// Per-file AST helpers shared by every rule family through ctx.memo: one ModuleBindings and one
// Constants per file, however many rules ask.
import type { RuleContext } from '../types';
import { ModuleBindings } from './bindings';
import { Constants } from './constants';

export function bindingsOf(ctx: RuleContext): ModuleBindings | undefined {
  const sf = ctx.sourceFile;
  return sf ? ctx.memo('ast:bindings', () => new ModuleBindings(sf)) : undefined;
}

export function constantsOf(ctx: RuleContext): Constants | undefined {
  const sf = ctx.sourceFile;
  return sf ? ctx.memo('ast:constants', () => new Constants(sf)) : undefined;
}
