/**
 * Finds a graphql-ws client that vanished without a close frame (a dropped network, a sleeping laptop): the
 * connection object pings it with graphql-ws `ping` on an alarm, and a client that has said nothing since the last
 * ping is gone (`pingVerdict` in `liveness.ts`). Its times live in storage, so they survive hibernation.
 *
 * Client pings (`{"type":"ping"}`, graphql-ws's `keepAlive` option) are answered by the runtime's auto-response,
 * without waking the object; their time counts as hearing from the client.
 */
import { MessageType, stringifyMessage } from "graphql-ws";
import { pingVerdict, type PingRecord } from "./liveness";

const PING_KEY = "liveness";
const SERVER_PING = stringifyMessage({ type: MessageType.Ping });
/** The exact text of a payload-less client ping, and its answer. */
const CLIENT_PING = stringifyMessage({ type: MessageType.Ping });
const PONG = stringifyMessage({ type: MessageType.Pong });

/** The pinging of one connection object's socket. */
export class ConnectionLiveness {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly intervalMs: number,
  ) {
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(CLIENT_PING, PONG));
  }

  /** The client said something: it is there. Call on every message. */
  async heard(): Promise<void> {
    const record = await this.record();
    await this.ctx.storage.put(PING_KEY, { ...record, lastHeardAt: Date.now() } satisfies PingRecord);
  }

  /** Starts pinging (after `connection_init`): the first ping goes out one interval from now. */
  async start(): Promise<void> {
    await this.ctx.storage.put(PING_KEY, { pingSentAt: null, lastHeardAt: Date.now() } satisfies PingRecord);
    await this.ctx.storage.setAlarm(Date.now() + this.intervalMs);
  }

  /**
   * At the alarm: `"gone"` when the last ping got no answer (nor anything else), else sends the next ping, sets the
   * next alarm and returns `"alive"`. A socket that cannot be written is gone too.
   */
  async check(socket: WebSocket): Promise<"gone" | "alive"> {
    const record = await this.record();
    const autoAnswered = this.ctx.getWebSocketAutoResponseTimestamp(socket)?.getTime() ?? 0;
    const lastHeardAt = Math.max(record.lastHeardAt, autoAnswered);
    if (pingVerdict({ ...record, lastHeardAt }) === "gone") return "gone";
    try {
      socket.send(SERVER_PING);
    } catch {
      return "gone";
    }
    const now = Date.now();
    await this.ctx.storage.put(PING_KEY, { pingSentAt: now, lastHeardAt } satisfies PingRecord);
    await this.ctx.storage.setAlarm(now + this.intervalMs);
    return "alive";
  }

  private async record(): Promise<PingRecord> {
    return (await this.ctx.storage.get<PingRecord>(PING_KEY)) ?? { pingSentAt: null, lastHeardAt: Date.now() };
  }
}
