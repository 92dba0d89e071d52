/**
 * Webhook mutations: create, update, rotate the secret, delete and test. A secret the client does not give is 32
 * random bytes in base64 (as the SDK makes them); create and rotate return it, once.
 *
 * The upstream calls a webhook's endpoint, so an endpoint is a URL the caller makes the upstream call: it must be
 * https on a public host (`upstream/public-endpoint.ts`), unless `WEBHOOK_ALLOW_PRIVATE=true` (local development),
 * and a refused one costs no upstream call. `testWebhook` reads the webhook first and refuses to test an endpoint
 * the rule refuses now (one made before the rule, or directly upstream).
 */
import type { GatewayContext } from "../../gateway-context";
import { badUserInput } from "../../../errors";
import type { Resolvers, WebhookRetriesInput } from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { publicEndpointRefusal } from "../../../upstream/public-endpoint";
import { nexusSession, type NexusSession } from "../session";
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

const ALLOW_HINT = "set WEBHOOK_ALLOW_PRIVATE=true to allow";

/**
 * Why the rule refuses `url` as a webhook endpoint (null when it does not, or is off): `"…" is a private address
 * (10.0.0.0/8); set …`, or `must use https, got "…"` after `subject` (`webhooks`, or none).
 */
function endpointRefusal(url: URL, allowPrivate: boolean, subject = ""): string | null {
  if (allowPrivate) return null;
  const refusal = publicEndpointRefusal(url);
  if (refusal === null) return null;
  if (refusal.rule === "https") return subject === "" ? refusal.message : `${subject} ${refusal.message}`;
  return `${refusal.message}; ${ALLOW_HINT}`;
}

function endpointFromInput(endpoint: string, field: string, session: NexusSession): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw badUserInput(`${field} must be an absolute http(s) URL, got "${endpoint.slice(0, 100)}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw badUserInput(`${field} must be an http(s) URL, got the scheme "${url.protocol}".`);
  }
  const refusal = endpointRefusal(url, session.webhookAllowPrivate, "webhooks");
  if (refusal !== null) throw badUserInput(`${field}: ${refusal}.`);
  return url.toString();
}

/**
 * Refuses to have the upstream test a webhook whose stored endpoint the rule refuses: the test is a call the
 * upstream makes on the caller's behalf. One read (shared with the request's loader); a webhook that does not exist
 * is left to the test call, which says so as always. Free when `WEBHOOK_ALLOW_PRIVATE=true`.
 */
async function checkStoredEndpoint(session: NexusSession, rawId: string): Promise<void> {
  if (session.webhookAllowPrivate) return;
  const webhook = await session.loaders.webhookById.load(rawId);
  if (webhook === null) return;
  let url: URL;
  try {
    url = new URL(webhook.wire.endpoint);
  } catch {
    throw badUserInput(`Argument "id": webhook ${rawId} has no usable endpoint; give it one with updateWebhook first.`);
  }
  const refusal =
    url.protocol === "https:" || url.protocol === "http:"
      ? endpointRefusal(url, false)
      : `has the scheme "${url.protocol.slice(0, 20)}"; webhooks must use https`;
  if (refusal !== null) {
    throw badUserInput(
      `Argument "id": webhook ${rawId} is not tested: its endpoint ${refusal}. Change it with updateWebhook.`,
    );
  }
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
      const endpoint = endpointFromInput(input.endpoint, "input.endpoint", nexusSession(context));
      const secret = secretFromInput(input.secret, "input.secret");
      const retries =
        input.retries == null ? DEFAULT_WEBHOOK_RETRIES : retriesFromInput(input.retries, "input.retries");
      const webhook = await nexusSession(context).client.createWebhook({
        name,
        spec: { endpoint, secret: { contents: secret }, retries },
      });
      return { webhook: primed(webhook, context), secret };
    },
    updateWebhook: async (_root, { input }, context) => {
      const rawId = webhookRef(context, input.id, "input.id");
      if (input.endpoint == null && input.retries == null) {
        throw badUserInput("Nothing to change: give input.endpoint and/or input.retries.");
      }
      const spec = {
        ...(input.endpoint == null
          ? {}
          : { endpoint: endpointFromInput(input.endpoint, "input.endpoint", nexusSession(context)) }),
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
    testWebhook: async (_root, { id }, context) => {
      const rawId = webhookRef(context, id);
      const session = nexusSession(context);
      await checkStoredEndpoint(session, rawId);
      return session.client.testWebhook(rawId);
    },
  },
};
