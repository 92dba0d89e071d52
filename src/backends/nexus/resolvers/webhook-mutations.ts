/**
 * Webhook mutations: create, update, rotate the secret, delete and test. A secret the client does not give is 32
 * random bytes in base64 (as the SDK makes them); create and rotate return it, once.
 */
import type { GatewayContext } from "../../gateway-context";
import { badUserInput } from "../../../errors";
import type { Resolvers, WebhookRetriesInput } from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { nexusSession } from "../session";
import { webhookFromNexus, type NexusWebhookModel } from "../to-model";
import type { NexusWebhook, NexusWebhookRetries } from "../types";

/** Retries when the client gives none: the SDK's advice (at most 3 retries, at least 15000 ms of backoff). */
export const DEFAULT_WEBHOOK_RETRIES: NexusWebhookRetries = { maxRetries: 3, maxBackoffMs: 15_000 };

/** 32 random bytes in base64: a new webhook secret. */
export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

function secretFromInput(secret: string | null | undefined, field: string): string {
  if (secret == null) return generateWebhookSecret();
  const trimmed = secret.trim();
  if (trimmed === "" || trimmed.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) {
    throw badUserInput(`${field} must be base64 (omit it to get 32 random bytes).`);
  }
  return trimmed;
}

function endpointFromInput(endpoint: string, field: string): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw badUserInput(`${field} must be an absolute http(s) URL, got "${endpoint.slice(0, 100)}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw badUserInput(`${field} must be an http(s) URL, got the scheme "${url.protocol}".`);
  }
  return url.toString();
}

function retriesFromInput(retries: WebhookRetriesInput, field: string): NexusWebhookRetries {
  if (!Number.isInteger(retries.maxRetries) || retries.maxRetries < 0) {
    throw badUserInput(`${field}.maxRetries must be a non-negative integer, got ${retries.maxRetries}.`);
  }
  if (!Number.isInteger(retries.maxBackoffMs) || retries.maxBackoffMs < 0) {
    throw badUserInput(`${field}.maxBackoffMs must be a non-negative integer, got ${retries.maxBackoffMs}.`);
  }
  return { maxRetries: retries.maxRetries, maxBackoffMs: retries.maxBackoffMs };
}

function primed(wire: NexusWebhook, context: GatewayContext): NexusWebhookModel {
  const session = nexusSession(context);
  const webhook = webhookFromNexus(wire, session.tenant);
  session.loaders.webhookById.clear(webhook.ref).prime(webhook.ref, webhook);
  return webhook;
}

function webhookRef(context: GatewayContext, id: string, argumentName = "id"): string {
  return context.ids.resolveOf(id, { typename: "NexusWebhook" }, argumentName).ref;
}

/** The webhook mutations. */
export const webhookMutationResolvers: Resolvers = {
  Mutation: {
    createWebhook: async (_root, { input }, context) => {
      const name = input.name.trim();
      if (name === "") throw badUserInput("input.name must not be empty.");
      const endpoint = endpointFromInput(input.endpoint, "input.endpoint");
      const secret = secretFromInput(input.secret, "input.secret");
      const retries = input.retries == null ? DEFAULT_WEBHOOK_RETRIES : retriesFromInput(input.retries, "input.retries");
      const webhook = await nexusSession(context).client.createWebhook({ name, spec: { endpoint, secret: { contents: secret }, retries } });
      return { webhook: primed(webhook, context), secret };
    },
    updateWebhook: async (_root, { input }, context) => {
      const rawId = webhookRef(context, input.id, "input.id");
      if (input.endpoint == null && input.retries == null) {
        throw badUserInput("Nothing to change: give input.endpoint and/or input.retries.");
      }
      const spec = {
        ...(input.endpoint == null ? {} : { endpoint: endpointFromInput(input.endpoint, "input.endpoint") }),
        ...(input.retries == null ? {} : { retries: retriesFromInput(input.retries, "input.retries") }),
      };
      return { webhook: primed(await nexusSession(context).client.updateWebhook(rawId, { spec }), context) };
    },
    rotateWebhookSecret: async (_root, { input }, context) => {
      const rawId = webhookRef(context, input.id, "input.id");
      const secret = secretFromInput(input.secret, "input.secret");
      const webhook = await nexusSession(context).client.rotateWebhookSecret(rawId, secret);
      return { webhook: primed(webhook, context), secret };
    },
    deleteWebhook: async (_root, { id }, context) => {
      const rawId = webhookRef(context, id);
      const result = await nexusSession(context).client.deleteWebhook(rawId);
      return { id: toGlobalId("NexusWebhook", rawId), deleted: result.deleted };
    },
    testWebhook: (_root, { id }, context) => nexusSession(context).client.testWebhook(webhookRef(context, id)),
  },
};
