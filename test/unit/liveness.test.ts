/** The rules that tell a listener that left unseen from one that is still there (`src/subscriptions/liveness.ts`). */
import { describe, expect, it } from "vitest";
import { isSocketListenerAlive, MISSED_HEARTBEATS, pingVerdict } from "../../src/subscriptions/liveness";

describe("isSocketListenerAlive", () => {
  const heartbeatMs = 1000;
  const bound = MISSED_HEARTBEATS * heartbeatMs;

  it("keeps a socket that has not sent its first heartbeat yet, until three intervals after its attach", () => {
    expect(isSocketListenerAlive(null, 10_000, 10_000 + bound - 1, heartbeatMs)).toBe(true);
    expect(isSocketListenerAlive(null, 10_000, 10_000 + bound, heartbeatMs)).toBe(false);
  });

  it("counts from the last heartbeat once there is one", () => {
    expect(isSocketListenerAlive(50_000, 10_000, 50_000 + bound - 1, heartbeatMs)).toBe(true);
    expect(isSocketListenerAlive(50_000, 10_000, 50_000 + bound, heartbeatMs)).toBe(false);
  });

  it("counts from the attach when an older heartbeat belongs to before it (a reused timestamp)", () => {
    expect(isSocketListenerAlive(1_000, 10_000, 10_000 + bound - 1, heartbeatMs)).toBe(true);
  });
});

describe("pingVerdict", () => {
  it("pings when no ping went out yet", () => {
    expect(pingVerdict({ pingSentAt: null, lastHeardAt: 0 })).toBe("ping");
  });

  it("pings again when the client spoke after the last ping", () => {
    expect(pingVerdict({ pingSentAt: 5_000, lastHeardAt: 5_000 })).toBe("ping");
    expect(pingVerdict({ pingSentAt: 5_000, lastHeardAt: 6_000 })).toBe("ping");
  });

  it("says gone when nothing came back since the last ping", () => {
    expect(pingVerdict({ pingSentAt: 5_000, lastHeardAt: 4_999 })).toBe("gone");
  });
});
