/** Refused writes by rule since start, for /metrics (counts only: never who, never what). */
import type { WriteRule } from '../../shared/writeRules';

const refusals = new Map<WriteRule, number>();

export function countRefusal(rule: WriteRule): void {
  refusals.set(rule, (refusals.get(rule) ?? 0) + 1);
}

export function refusalCounts(): ReadonlyMap<WriteRule, number> {
  return refusals;
}
