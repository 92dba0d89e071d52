/**
 * Webhooks: `webhook(id)`, `webhooks(...)` and the `NexusWebhook` type. The secret is never readable: only the
 * create and rotate mutations return it, once (see `webhook-mutations.ts`).
 */
import type { Resolvers } from "../generated/resolvers-types";
import { rawIdFor, toGlobalId } from "../global-id";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { sortKeyOf } from "./datasets";

/** The webhook queries and types. */
export const webhookResolvers: Resolvers = {
  Query: {
    webhook: (_root, { id }, context) => context.loaders().webhookById.load(rawIdFor("NexusWebhook", id)),
    webhooks: (_root, args, context) =>
      paginate({
        kind: "webhooks",
        filter: filterFingerprint({}),
        args,
        pages: context.loaders().webhooks.pages(),
        keyOf: sortKeyOf,
      }),
  },
  NexusWebhook: {
    id: (webhook) => toGlobalId("NexusWebhook", webhook.id),
    nexusId: (webhook) => webhook.id,
    createdAt: (webhook) => webhook.createDate,
    updatedAt: (webhook) => webhook.updateDate,
    retries: (webhook) => webhook.retries ?? null,
  },
};
