/** WebSocket close reasons: a close frame carries at most 123 bytes of UTF-8 reason. */

/** The longest close reason the WebSocket protocol allows, in UTF-8 bytes. */
const MAX_CLOSE_REASON_BYTES = 123;

/** Cuts `reason` to what a close frame can carry, on a character boundary. */
export function closeReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).length <= MAX_CLOSE_REASON_BYTES) return reason;
  let cut = reason;
  while (encoder.encode(`${cut}…`).length > MAX_CLOSE_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}
