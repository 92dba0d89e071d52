/** The span of one step of a unit of work, as the gateway's code uses it (`tracing.ts` makes them). */
import type { Attributes } from "@opentelemetry/api";

/** A step's span: attributes, then one end. */
export interface StepSpan {
  /** Adds attributes (semantic-convention names); never secrets. */
  setAttributes(attributes: Attributes): void;
  /** Ends the span; with `error`, as failed (its type only: an error's message may quote an upstream's words). */
  end(error?: string): void;
}
