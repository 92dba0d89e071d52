/**
 * The message budget of one graphql-ws socket (src/limits/socket-message-budget.ts): a minute's window opened by the
 * first message, a close with 4429 and a reason for the message past the budget, a fresh window after a minute; the
 * budget is its own setting or twice the request budget, and 0 is off. And which results graphql-ws answers with an
 * `error` message (src/subscriptions/graphql-ws-protocol.ts): a rate-limit refusal before execution only.
 */
import { describe, expect, it } from "vitest";
import {
  SOCKET_FLOOD_CLOSE_CODE,
  countSocketMessage,
  socketMessagesPerMinute,
  type MessageWindow,
} from "../../src/limits/socket-message-budget";
import { refusalBeforeExecution } from "../../src/subscriptions/graphql-ws-protocol";

describe("countSocketMessage", () => {
  it("counts max messages in a window, closes with 4429 on the next, and opens a fresh window after a minute", () => {
    let window: MessageWindow | undefined;
    for (let i = 0; i < 3; i += 1) {
      const counted = countSocketMessage(window, 3, 1_000 + i);
      expect(counted.flood).toBeNull();
      window = counted.window;
    }
    expect(window).toEqual({ openedAt: 1_000, count: 3 });
    expect(countSocketMessage(window, 3, 60_999).flood).toEqual({
      code: SOCKET_FLOOD_CLOSE_CODE,
      reason: "Too many messages: at most 3 a minute per socket. Reconnect later.",
    });
    expect(SOCKET_FLOOD_CLOSE_CODE).toBe(4429);
    expect(countSocketMessage(window, 3, 61_000)).toEqual({ window: { openedAt: 61_000, count: 1 }, flood: null });
  });

  it("counts nothing when the budget is off", () => {
    expect(countSocketMessage({ openedAt: 0, count: 1e6 }, 0, 10).flood).toBeNull();
  });
});

describe("socketMessagesPerMinute", () => {
  it("is its own setting when valid, else twice the request budget (0 when that is off)", () => {
    expect(socketMessagesPerMinute({})).toBe(2400);
    expect(socketMessagesPerMinute({ RATE_LIMIT_REQUESTS_PER_MINUTE: "20" })).toBe(40);
    expect(socketMessagesPerMinute({ RATE_LIMIT_REQUESTS_PER_MINUTE: "0" })).toBe(0);
    expect(socketMessagesPerMinute({ RATE_LIMIT_WS_MESSAGES_PER_MINUTE: "7" })).toBe(7);
    expect(socketMessagesPerMinute({ RATE_LIMIT_WS_MESSAGES_PER_MINUTE: "0" })).toBe(0);
    expect(
      socketMessagesPerMinute({ RATE_LIMIT_WS_MESSAGES_PER_MINUTE: "-3", RATE_LIMIT_REQUESTS_PER_MINUTE: "5" }),
    ).toBe(10);
  });
});

describe("refusalBeforeExecution", () => {
  const limited = { message: "Too many", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 3 } };
  it("is the errors of a result that is only rate-limit refusals, without data", () => {
    expect(refusalBeforeExecution({ errors: [limited] })).toEqual([limited]);
  });
  it("is null for a result with data, another code, or no errors", () => {
    expect(refusalBeforeExecution({ data: null, errors: [limited] })).toBeNull();
    expect(
      refusalBeforeExecution({ errors: [limited, { message: "x", extensions: { code: "FORBIDDEN" } }] }),
    ).toBeNull();
    expect(refusalBeforeExecution({ errors: [{ message: "no code" }] })).toBeNull();
    expect(refusalBeforeExecution({ data: { a: 1 } })).toBeNull();
  });
});
