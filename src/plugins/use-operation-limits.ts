/**
 * Yoga plugin: the operation limits of parsing and validation (operation-limits.ts) on every transport (HTTP, SSE,
 * graphql-ws): tokens while parsing; depth, aliases, root fields and directives while validating. A refused
 * operation gets `LIMIT_EXCEEDED` and runs no resolver, so it makes no upstream call. The cost, which needs the
 * variables, is checked just before the operation runs, with the other refusals (`use-operation-refusals.ts`).
 */
import type { DocumentNode, ParseOptions, Source, ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { LimitSettings } from "../limits/limit-settings";
import { limitsOf } from "../limits/limits-of";
import { operationLimitsRule, parseWithLimits } from "../limits/operation-limits";

/** The parse function and the validation rule of one limits object. */
interface LimitedSteps {
  parse: (source: string | Source, options?: ParseOptions) => DocumentNode;
  rule: ValidationRule;
}

// Made once per limits object (one per isolate's settings, see per-env.ts), not per operation.
const stepsByLimits = new WeakMap<LimitSettings, LimitedSteps>();

function stepsOf(limits: LimitSettings): LimitedSteps {
  let steps = stepsByLimits.get(limits);
  if (steps === undefined) {
    steps = {
      parse: (source, options) => parseWithLimits(source, limits, options),
      rule: operationLimitsRule(limits),
    };
    stepsByLimits.set(limits, steps);
  }
  return steps;
}

/** The operation limits as a Yoga plugin; the limits come from the server context (see limits-of.ts). */
export function useOperationLimits(): Plugin {
  return {
    onParse({ context, setParseFn }) {
      setParseFn(stepsOf(limitsOf(context)).parse);
    },
    onValidate({ context, addValidationRule }) {
      addValidationRule(stepsOf(limitsOf(context)).rule);
    },
  };
}
