/**
 * Deliveries of a watch object, made outside its poll's `blockConcurrencyWhile` so that one slow listener never
 * stalls the others (nor an attach or a detach): each listener has its own chain, so its events still arrive in
 * order, and each delivery has a deadline. Plain TypeScript over promises; the watch object says how to deliver.
 */

/** The outcome of one delivery: `keep` (the listener goes on), or `drop` (it is gone, ended, failed or too slow). */
export type DeliveryOutcome = "keep" | "drop";

/** Per-listener ordered deliveries with a deadline. One per watch object instance (in memory). */
export class DeliveryQueue {
  private readonly chains = new Map<string, Promise<DeliveryOutcome>>();

  /** @param timeoutMs how long one delivery may take before its listener is dropped. */
  constructor(private readonly timeoutMs: number) {}

  /**
   * Runs `deliver` for the listener `key` after its previous deliveries have settled, and answers its outcome:
   * `drop` when it rejects or takes longer than the timeout (the late delivery is not waited for). Never rejects.
   * Deliveries already queued behind a dropped one are skipped (the listener is gone).
   */
  enqueue(key: string, deliver: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    const previous = this.chains.get(key) ?? Promise.resolve<DeliveryOutcome>("keep");
    const next = previous.then((outcome) => (outcome === "drop" ? "drop" : this.withDeadline(deliver)));
    this.chains.set(key, next);
    void next.then(() => {
      // The chain is done: forget it (unless another delivery was queued behind it meanwhile).
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  private withDeadline(deliver: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    return new Promise<DeliveryOutcome>((resolve) => {
      const timer = setTimeout(() => resolve("drop"), this.timeoutMs);
      deliver().then(
        (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        () => {
          clearTimeout(timer);
          resolve("drop");
        },
      );
    });
  }
}
