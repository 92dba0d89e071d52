/**
 * The watch object's delivery queue (src/subscriptions/delivery-queue.ts): deliveries of one listener in order (its
 * `late` and `failed` outcomes are in test/subscriptions/polling-logic.test.ts). And the last events a dropped
 * listener gets (src/subscriptions/watch-listeners.ts), which say why its watch ended.
 */
import { describe, expect, it } from "vitest";
import { DeliveryQueue } from "../../src/subscriptions/delivery-queue";
import { credentialsRefusedEvent, tooSlowEvent } from "../../src/subscriptions/watch-listeners";

describe("DeliveryQueue", () => {
  it("runs one listener's deliveries in order and answers the deliverer's outcome", async () => {
    const queue = new DeliveryQueue(1000);
    const order: number[] = [];
    const first = queue.enqueue("a", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(1);
      return "keep";
    });
    const second = queue.enqueue("a", () => {
      order.push(2);
      return Promise.resolve("drop" as const);
    });
    expect(await Promise.all([first, second])).toEqual(["keep", "drop"]);
    expect(order).toEqual([1, 2]);
  });
});

describe("the last event of a dropped listener", () => {
  it("says why the watch ended, with a code", () => {
    expect(tooSlowEvent(9000)).toEqual({
      type: "error",
      error: {
        message:
          "The live update stream ended: this subscriber did not take its events within 9 s (a slow or stalled " +
          "connection); subscribe again.",
        extensions: { code: "SUBSCRIPTION_ENDED", reason: "DELIVERY_FAILED", retryAfterSeconds: 0 },
      },
    });
    expect(
      credentialsRefusedEvent({ message: "nexus: 403 ForbiddenError", extensions: { code: "FORBIDDEN" } }),
    ).toEqual({
      type: "error",
      error: {
        message:
          "The live update stream ended: the upstream refused this subscriber's credentials (nexus: 403 " +
          "ForbiddenError). Subscribe again with valid credentials.",
        extensions: { code: "FORBIDDEN" },
      },
    });
  });
});
