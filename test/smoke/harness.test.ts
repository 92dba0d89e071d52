import { describe, expect, inject, it } from "vitest";

describe("test harness", () => {
  it("starts the emulator and the gateway as real HTTP servers", async () => {
    const emulator = await fetch(`${inject("emulatorUrl")}/nothing-here`);
    expect(emulator.status).toBe(404);
    const gateway = await fetch(`${inject("gatewayUrl")}/`);
    expect(gateway.status).toBe(200);
  });
});
