/**
 * Webhooks: create, list, get, update, rotate secret, delete, and test. The secret is stored and never returned.
 */
import { json, requireRecord, type ApiContext } from "../context";
import { ID_PREFIX, newId } from "../ids";
import { pageToWire, parseLimit, parsePage } from "../paging";
import type { WebhookRecord, WebhookWire } from "../types";
import { createWebhookBody, parseBody, patchWebhookBody, rotateSecretBody } from "../validation";
import { runWebhookTest } from "../webhook-test";

/** Retry settings when a webhook is created without them (the SDK's advice). */
export const DEFAULT_RETRIES = { maxRetries: 3, maxBackoffMs: 15_000 } as const;

/** The wire webhook: everything but the secret. */
export function webhookToWire(webhook: WebhookRecord): WebhookWire {
  return {
    id: webhook.id,
    object: "webhook",
    projectId: webhook.projectId,
    name: webhook.name,
    endpoint: webhook.endpoint,
    retries: webhook.retries,
    createDate: webhook.createDate,
    updateDate: webhook.updateDate,
  };
}

function requireWebhook(ctx: ApiContext, id: string): WebhookRecord {
  return requireRecord(ctx, "webhook", id);
}

/** `POST …/webhooks`: 201 with the new webhook. */
export async function createWebhook(ctx: ApiContext, request: Request): Promise<Response> {
  const body = await parseBody(request, createWebhookBody);
  const webhook: WebhookRecord = {
    id: newId(ID_PREFIX.webhook),
    projectId: ctx.project.id,
    name: body.name,
    endpoint: body.spec.endpoint,
    secret: body.spec.secret.contents,
    retries: body.spec.retries ?? { ...DEFAULT_RETRIES },
    createDate: ctx.now,
    updateDate: ctx.now,
  };
  ctx.store.put("webhook", webhook);
  return json(webhookToWire(webhook), 201);
}

/** `GET …/webhooks`: one page, newest first. */
export function listWebhooks(ctx: ApiContext, url: URL): Response {
  const limit = parseLimit(url.searchParams.get("limit"));
  const page = ctx.store.page("webhook", ctx.project.id, parsePage(url.searchParams.get("page")), limit);
  return json(pageToWire(page, webhookToWire));
}

/** `GET …/webhooks/{id}`. */
export function getWebhook(ctx: ApiContext, id: string): Response {
  return json(webhookToWire(requireWebhook(ctx, id)));
}

/** `PATCH …/webhooks/{id}` with `{spec:{endpoint?, retries?}}`: changes only what is given. */
export async function patchWebhook(ctx: ApiContext, request: Request, id: string): Promise<Response> {
  const body = await parseBody(request, patchWebhookBody);
  const webhook = requireWebhook(ctx, id);
  const updated: WebhookRecord = {
    ...webhook,
    endpoint: body.spec.endpoint ?? webhook.endpoint,
    retries: body.spec.retries ?? webhook.retries,
    updateDate: ctx.now,
  };
  ctx.store.put("webhook", updated);
  return json(webhookToWire(updated));
}

/** `PUT …/webhooks/{id}/secret` with `{contents}`: replaces the secret; answers the webhook (without it). */
export async function rotateWebhookSecret(ctx: ApiContext, request: Request, id: string): Promise<Response> {
  const body = await parseBody(request, rotateSecretBody);
  const updated: WebhookRecord = { ...requireWebhook(ctx, id), secret: body.contents, updateDate: ctx.now };
  ctx.store.put("webhook", updated);
  return json(webhookToWire(updated));
}

/** `DELETE …/webhooks/{id}`: `{id, deleted: true}`. */
export function deleteWebhook(ctx: ApiContext, id: string): Response {
  requireWebhook(ctx, id);
  ctx.store.delete("webhook", ctx.project.id, id);
  return json({ id, deleted: true });
}

/** `POST …/webhooks/{id}:test`: sends a signed sample payload for real and reports how it went. */
export async function testWebhook(ctx: ApiContext, id: string): Promise<Response> {
  const webhook = requireWebhook(ctx, id);
  return json(await runWebhookTest(webhook, ctx.now));
}
