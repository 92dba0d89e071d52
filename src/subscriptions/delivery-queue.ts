/**
 * Deliveries of a watch object, made outside its poll's `blockConcurrencyWhile` so that one slow listener never
 * stalls the others (nor an attach or a detach): each listener has its own chain, so its events still arrive in
 * order, and each delivery has a deadline. Plain TypeScript over promises; the watch object says how to deliver.
 */

/** The outcome of one delivery as the deliverer says it: `keep` (the listener goes on), or `drop` (gone, or ended). */
export type DeliveryOutcome = "keep" | "drop";

/**
 * The outcome of one queued delivery: the deliverer's, or `late` (it took longer than the deadline) or `failed` (it
 * rejected). A listener dropped as `late` or `failed` was not ended by its own side, so it has not heard why: the
 * watch object tells it (`ListenerStore.tellEnded`).
 */
export type QueuedOutcome = DeliveryOutcome | "late" | "failed";

/** Per-listener ordered deliveries with a deadline. One per watch object instance (in memory). */
export class DeliveryQueue {
  private readonly chains = new Map<string, Promise<QueuedOutcome>>();

  /** @param timeoutMs how long one delivery may take before its listener is dropped. */
  constructor(private readonly timeoutMs: number) {}

  /**
   * Runs `deliver` for the listener `key` after its previous deliveries have settled, and answers its outcome:
   * `failed` when it rejects, `late` when it takes longer than the timeout (the late delivery is not waited for).
   * Never rejects. Deliveries already queued behind one that did not keep the listener are skipped as `drop` (the
   * listener is gone, and has been told once).
   */
  enqueue(key: string, deliver: () => Promise<DeliveryOutcome>): Promise<QueuedOutcome> {
    const previous = this.chains.get(key) ?? Promise.resolve<QueuedOutcome>("keep");
    const next = previous.then((outcome) => (outcome === "keep" ? this.withDeadline(deliver) : "drop"));
    this.chains.set(key, next);
    void next.then(() => {
      // The chain is done: forget it (unless another delivery was queued behind it meanwhile).
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  private withDeadline(deliver: () => Promise<DeliveryOutcome>): Promise<QueuedOutcome> {
    return new Promise<QueuedOutcome>((resolve) => {
      const timer = setTimeout(() => resolve("late"), this.timeoutMs);
      deliver().then(
        (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        () => {
          clearTimeout(timer);
          resolve("failed");
        },
      );
    });
  }
}
