// Operations on taint values. Values stay small (capped flows and steps) so the pass stays linear.
import type { Flow, KindMask, Marker, Step, Taint } from './types';

export const CLEAN: Taint = { flows: [] };

const MAX_SOURCE_FLOWS = 3;
const MAX_PARAM_FLOWS = 8;
const MAX_STEPS = 12;

export function isTainted(t: Taint, kinds: KindMask = ~0): boolean {
  return t.flows.some((f) => (f.kinds & kinds) !== 0);
}

export function union(...parts: readonly Taint[]): Taint {
  let flows: Flow[] | undefined;
  let marker: Marker | undefined;
  for (const p of parts) {
    if (p.marker && !marker) marker = p.marker;
    for (const f of p.flows) {
      flows ??= [];
      addFlow(flows, f);
    }
  }
  if (!flows && !marker) return CLEAN;
  return marker ? { flows: flows ?? [], marker } : { flows: flows ?? [] };
}

/** Adds a flow unless one from the same origin is already there; caps the count per origin type. */
function addFlow(flows: Flow[], f: Flow): void {
  let sources = 0;
  let params = 0;
  for (const g of flows) {
    if (sameOrigin(g, f)) {
      if ((g.kinds | f.kinds) !== g.kinds) flows[flows.indexOf(g)] = { ...g, kinds: g.kinds | f.kinds };
      return;
    }
    if (g.origin.type === 'source') sources++;
    else params++;
  }
  if (f.origin.type === 'source' ? sources < MAX_SOURCE_FLOWS : params < MAX_PARAM_FLOWS) flows.push(f);
}

function sameOrigin(a: Flow, b: Flow): boolean {
  const x = a.origin;
  const y = b.origin;
  if (x.type === 'param') return y.type === 'param' && x.index === y.index;
  if (y.type === 'param') return false;
  return x.start === y.start && x.end === y.end;
}

/** The value without the given kinds: what a sanitizer returns. */
export function clearKinds(t: Taint, kinds: KindMask): Taint {
  if (t.flows.length === 0) return t.marker ? { flows: [] } : t;
  const flows = t.flows.map((f) => ({ ...f, kinds: f.kinds & ~kinds })).filter((f) => f.kinds !== 0);
  return flows.length === 0 ? CLEAN : { flows };
}

/** Keeps only the given kinds (a parameter summary applied to an argument). */
export function keepKinds(t: Taint, kinds: KindMask): Taint {
  return clearKinds(t, ~kinds);
}

/** A derived value: the same flows with one more step, no marker (it is not the object itself). */
export function withStep(t: Taint, step: Step | undefined, normalized = false): Taint {
  if (t.flows.length === 0) return normalized ? { flows: [], normalized } : CLEAN;
  const flows = step ? t.flows.map((f) => ({ ...f, steps: appendStep(f.steps, step) })) : t.flows;
  return normalized ? { flows, normalized } : { flows };
}

export function withoutMarker(t: Taint): Taint {
  return t.marker || t.normalized ? { flows: t.flows } : t;
}

export function appendStep(steps: readonly Step[], step: Step): readonly Step[] {
  const last = steps[steps.length - 1];
  if (last && last.start === step.start && last.end === step.end) return steps;
  const next = [...steps, step];
  // Keep the first steps (near the source) and the last ones (near the sink).
  return next.length > MAX_STEPS ? [...next.slice(0, 3), ...next.slice(next.length - (MAX_STEPS - 3))] : next;
}

export function concatSteps(a: readonly Step[], b: readonly Step[]): readonly Step[] {
  let out = a;
  for (const s of b) out = appendStep(out, s);
  return out;
}

export function markerOnly(marker: Marker): Taint {
  return { flows: [], marker };
}

/** Short, single-line text for messages. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
