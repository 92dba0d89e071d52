/** Request body hygiene shared by the Worker entry and the state object. */

/**
 * Reads and discards a request body nobody read. An unread body left behind by an early answer (403, 405, 404)
 * stalls the next request on the same keep-alive connection under workerd, so every path drains it.
 */
export async function drainBody(request: Request): Promise<void> {
  if (request.body === null || request.bodyUsed) return;
  try {
    await request.arrayBuffer();
  } catch {
    // The client went away; there is nothing left to drain.
  }
}
