/**
 * Finds a graphql-ws client that vanished without a close frame (a dropped network, a sleeping laptop): the
 * connection object pings it with graphql-ws `ping` on an alarm, and a client that has said nothing since the last
 * ping is gone (`pingVerdict` in `liveness.ts`). Its times live in storage, so they survive hibernation.
 *
 * Client pings (`{"type":"ping"}`, graphql-ws's `keepAlive` option) are answered by the runtime's auto-response,
 * without waking the object; their time counts as hearing from the client.
 *
 * The object has one alarm, shared with the socket's session (`socket-session.ts`): each call that sets it takes a
 * `deadline` (when the session must be looked at), and the alarm goes off at the earlier of that and the next ping.
 * An alarm that comes before the ping is due (it was the session's) pings nobody and judges nobody.
 */
import { MessageType, stringifyMessage } from "graphql-ws";
import { pingVerdict, type PingRecord } from "./liveness";

const PING_KEY = "liveness";

/** The ping record, and when the next ping is due (ms), so that an alarm set for the session does not ping early. */
interface LivenessRecord extends PingRecord {
  nextPingAt: number;
}
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
    await this.ctx.storage.put(PING_KEY, { ...record, lastHeardAt: Date.now() } satisfies LivenessRecord);
  }

  /**
   * Starts pinging (after `connection_init`): the first ping goes out one interval from now; the alarm is set for
   * that, or for `deadline` when it is earlier.
   */
  async start(deadline: number): Promise<void> {
    const now = Date.now();
    const record: LivenessRecord = { pingSentAt: null, lastHeardAt: now, nextPingAt: now + this.intervalMs };
    await this.ctx.storage.put(PING_KEY, record);
    await this.ctx.storage.setAlarm(Math.min(record.nextPingAt, deadline));
  }

  /**
   * At the alarm: `"gone"` when a ping is due and the last one got no answer (nor anything else); else, when a ping
   * is due, sends it. Either way (unless gone) sets the next alarm, at the next ping or `deadline` if earlier, and
   * returns `"alive"`. A socket that cannot be written is gone too.
   */
  async check(socket: WebSocket, deadline: number): Promise<"gone" | "alive"> {
    const record = await this.record();
    const now = Date.now();
    if (now < record.nextPingAt) {
      // The session's alarm, not the ping's: nothing to judge yet.
      await this.ctx.storage.setAlarm(Math.min(record.nextPingAt, deadline));
      return "alive";
    }
    const autoAnswered = this.ctx.getWebSocketAutoResponseTimestamp(socket)?.getTime() ?? 0;
    const lastHeardAt = Math.max(record.lastHeardAt, autoAnswered);
    if (pingVerdict({ ...record, lastHeardAt }) === "gone") return "gone";
    try {
      socket.send(SERVER_PING);
    } catch {
      return "gone";
    }
    const next: LivenessRecord = { pingSentAt: now, lastHeardAt, nextPingAt: now + this.intervalMs };
    await this.ctx.storage.put(PING_KEY, next);
    await this.ctx.storage.setAlarm(Math.min(next.nextPingAt, deadline));
    return "alive";
  }

  private async record(): Promise<LivenessRecord> {
    const now = Date.now();
    return (
      (await this.ctx.storage.get<LivenessRecord>(PING_KEY)) ?? { pingSentAt: null, lastHeardAt: now, nextPingAt: now }
    );
  }
}
