import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import type { AnyRule } from '../engine/types.js';
import { RULES } from '../rules/index.js';

/** The rules to run: every built-in one, narrowed to the ids in `only` and the areas in `areas` when given. */
export function selectRules(
  only: readonly string[] | undefined,
  areas: readonly string[] | undefined,
  catalogue: readonly AnyRule[] = RULES,
): readonly AnyRule[] {
  let rules = catalogue;
  if (only?.length) {
    const unknown = only.filter((id) => !catalogue.some((r) => r.id === id));
    if (unknown.length)
      throw new UsageError(
        `unknown rule id(s): ${unknown.join(', ')}${didYouMean(
          unknown[0]!,
          catalogue.map((r) => r.id),
        )} (see \`kubetune rules\`)`,
      );
    rules = rules.filter((r) => only.includes(r.id));
  }
  if (areas?.length) rules = rules.filter((r) => areas.includes(r.area));
  return rules;
}
