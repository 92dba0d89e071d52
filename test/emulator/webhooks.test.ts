/**
 * Webhooks: create/list/get/update/delete, the secret stored but never returned and rotated by PUT …/secret, and
 * `POST …/{id}:test` delivering a signed sample payload for real to a receiver started here, with retries.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { batch, call, DEMO, listAll, reset, type ApiErrorBody, type Page, type Webhook } from "./helpers";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that answers with the statuses in `answers` (the last one repeats) and records requests. */
let server: Server;
let receiverUrl: string;
let received: Received[] = [];
let answers: number[] = [204];

const SECRET = Buffer.from("a-32-byte-secret-for-the-tests!!").toString("base64");

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      const status = answers[Math.min(received.length - 1, answers.length - 1)] ?? 204;
      response.statusCode = status;
      response.end(status === 204 ? undefined : `answer ${received.length}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/nexus`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  await reset();
  received = [];
  answers = [204];
});

async function createWebhook(spec: Record<string, unknown> = {}): Promise<Webhook> {
  const response = await call<Webhook>("POST", batch("webhooks"), {
    body: {
      name: "receiver",
      spec: {
        endpoint: receiverUrl,
        secret: { contents: SECRET },
        retries: { maxRetries: 2, maxBackoffMs: 300 },
        ...spec,
      },
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}

interface TestResult {
  status: string;
  responseCode: number;
  latencyMs: number;
  attemptCount: number;
  body?: string;
  reason?: string;
}

async function runTest(id: string): Promise<TestResult> {
  const response = await call<TestResult>("POST", batch(`webhooks/${id}:test`));
  expect(response.status).toBe(200);
  return response.body;
}

const sign = (secret: string, body: string): string =>
  `sha256=${createHmac("sha256", Buffer.from(secret, "base64")).update(body).digest("hex")}`;

describe("webhook CRUD", () => {
  it("has 3 seeded webhooks", async () => {
    const webhooks = await listAll<Webhook>("webhooks");
    expect(webhooks).toHaveLength(3);
    for (const webhook of webhooks) expect(webhook.id).toMatch(/^webhook_[0-9a-f-]{36}$/);
  });

  it("creates a webhook and never returns its secret", async () => {
    const webhook = await createWebhook();
    expect(webhook).toEqual({
      id: expect.stringMatching(/^webhook_/),
      object: "webhook",
      projectId: DEMO.project,
      name: "receiver",
      endpoint: receiverUrl,
      retries: { maxRetries: 2, maxBackoffMs: 300 },
      createDate: expect.any(Number),
      updateDate: expect.any(Number),
    });
    expect((await call<Webhook>("GET", batch(`webhooks/${webhook.id}`))).body).toEqual(webhook);
    const page = await call<Page<Webhook>>("GET", batch("webhooks?limit=1"));
    expect(page.body.data).toEqual([webhook]);
    expect(JSON.stringify(page.body)).not.toContain(SECRET);
  });

  it("defaults retries to the SDK's advice when omitted", async () => {
    const response = await call<Webhook>("POST", batch("webhooks"), {
      body: { name: "w", spec: { endpoint: receiverUrl, secret: { contents: SECRET } } },
    });
    expect(response.body.retries).toEqual({ maxRetries: 3, maxBackoffMs: 15000 });
  });

  it("updates only the fields given in a PATCH", async () => {
    const webhook = await createWebhook();
    const patched = await call<Webhook>("PATCH", batch(`webhooks/${webhook.id}`), {
      body: { spec: { retries: { maxRetries: 0, maxBackoffMs: 100 } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ endpoint: receiverUrl, retries: { maxRetries: 0, maxBackoffMs: 100 } });
    const moved = await call<Webhook>("PATCH", batch(`webhooks/${webhook.id}`), {
      body: { spec: { endpoint: "https://elsewhere.example.com/h" } },
    });
    expect(moved.body).toMatchObject({
      endpoint: "https://elsewhere.example.com/h",
      retries: { maxRetries: 0, maxBackoffMs: 100 },
    });
  });

  it("deletes a webhook, answers {id, deleted:true}, then 404 for it", async () => {
    const webhook = await createWebhook();
    expect(await call("DELETE", batch(`webhooks/${webhook.id}`))).toMatchObject({
      status: 200,
      body: { id: webhook.id, deleted: true },
    });
    expect((await call("GET", batch(`webhooks/${webhook.id}`))).status).toBe(404);
    expect((await call("POST", batch(`webhooks/${webhook.id}:test`))).status).toBe(404);
  });

  it.each([
    [
      { name: "w", spec: { endpoint: "ftp://x", secret: { contents: SECRET } } },
      'spec.endpoint: expected an http or https URL, got "ftp://x"',
    ],
    [
      { name: "w", spec: { endpoint: "https://x.example.com", secret: { contents: "not base64!" } } },
      'spec.secret.contents: expected a non-empty base64 string, got "not base64!"',
    ],
    [
      { name: "w", spec: { endpoint: "https://x.example.com" } },
      "spec.secret: expected an object {contents}, got nothing",
    ],
    [
      {
        name: "w",
        spec: {
          endpoint: "https://x.example.com",
          secret: { contents: SECRET },
          retries: { maxRetries: 11, maxBackoffMs: 1 },
        },
      },
      "spec.retries.maxRetries: expected an integer from 0 to 10, got 11",
    ],
  ])("rejects a bad create body with a 400 naming the field (%#)", async (body, message) => {
    const response = await call<ApiErrorBody>("POST", batch("webhooks"), { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });

  it("rejects a bad PATCH with a 400 naming the field", async () => {
    const webhook = await createWebhook();
    const response = await call<ApiErrorBody>("PATCH", batch(`webhooks/${webhook.id}`), {
      body: { spec: { retries: { maxRetries: 1 } } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: "spec.retries.maxBackoffMs: expected an integer from 0 to 3600000, got nothing",
    });
  });
});

describe("POST …/{id}:test", () => {
  it("delivers a sample JSON payload signed with HMAC-SHA256 of the secret, and reports Ok", async () => {
    const webhook = await createWebhook();
    const result = await runTest(webhook.id);
    expect(result).toEqual({ status: "Ok", responseCode: 204, latencyMs: expect.any(Number), attemptCount: 1 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const payload = JSON.parse(delivery?.body ?? "") as Record<string, unknown>;
    expect(payload).toMatchObject({
      event: "webhook.test",
      webhookId: webhook.id,
      projectId: DEMO.project,
      sentAt: expect.any(Number),
    });
    expect(delivery?.headers["content-type"]).toBe("application/json");
    expect(delivery?.headers["x-nexus-webhook-id"]).toBe(webhook.id);
    expect(delivery?.headers["x-nexus-attempt"]).toBe("1");
    expect(delivery?.headers["x-nexus-signature"]).toBe(sign(SECRET, delivery?.body ?? ""));
  });

  it("signs with the new secret after PUT …/secret rotates it", async () => {
    const webhook = await createWebhook();
    const rotated = Buffer.from("another-secret-of-thirty-two-by!").toString("base64");
    const response = await call<Webhook>("PUT", batch(`webhooks/${webhook.id}/secret`), {
      body: { contents: rotated },
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain(rotated);
    await runTest(webhook.id);
    const delivery = received[0];
    expect(delivery?.headers["x-nexus-signature"]).toBe(sign(rotated, delivery?.body ?? ""));
    expect(delivery?.headers["x-nexus-signature"]).not.toBe(sign(SECRET, delivery?.body ?? ""));
  });

  it("rejects a secret rotation without contents with a 400 naming it", async () => {
    const webhook = await createWebhook();
    const response = await call<ApiErrorBody>("PUT", batch(`webhooks/${webhook.id}/secret`), { body: {} });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: "contents: expected a non-empty base64 string, got nothing",
    });
  });

  it("retries a receiver that answers 500 and reports the attempt that succeeded", async () => {
    answers = [500, 503, 200];
    const webhook = await createWebhook();
    const result = await runTest(webhook.id);
    expect(result).toEqual({
      status: "Ok",
      responseCode: 200,
      latencyMs: expect.any(Number),
      attemptCount: 3,
      body: "answer 3",
    });
    expect(received.map((r) => r.headers["x-nexus-attempt"])).toEqual(["1", "2", "3"]);
  });

  it("gives up after maxRetries retries and reports Failed with a reason", async () => {
    answers = [500];
    const webhook = await createWebhook();
    const result = await runTest(webhook.id);
    expect(result).toEqual({
      status: "Failed",
      responseCode: 500,
      latencyMs: expect.any(Number),
      attemptCount: 3,
      body: "answer 3",
      reason: "Endpoint answered 500 Internal Server Error (after 3 attempts)",
    });
    expect(received).toHaveLength(3);
  });

  it("does not retry a 4xx answer", async () => {
    answers = [404];
    const webhook = await createWebhook();
    const result = await runTest(webhook.id);
    expect(result).toMatchObject({
      status: "Failed",
      responseCode: 404,
      attemptCount: 1,
      reason: "Endpoint answered 404 Not Found",
    });
    expect(received).toHaveLength(1);
  });

  it("reports an unreachable endpoint as a result with a reason, not an error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const webhook = await createWebhook({
      endpoint: `http://127.0.0.1:${port}/gone`,
      retries: { maxRetries: 1, maxBackoffMs: 50 },
    });
    const result = await runTest(webhook.id);
    expect(result).toMatchObject({ status: "Unreachable", responseCode: 0, attemptCount: 2 });
    expect(result.reason).toMatch(
      new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${port}/gone: .+ \\(after 2 attempts\\)$`),
    );
  });
});
