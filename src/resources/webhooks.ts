/**
 * Webhooks: `webhook(id)`, `webhooks(...)` and the `NexusWebhook` type. The secret is never readable: only the
 * create and rotate mutations return it, once (see `webhook-mutations.ts`).
 */
import type { Resolvers } from "../generated/resolvers-types";
import { rawIdFor, toGlobalId } from "../global-id";
import { totalCountOf } from "../pagination/connection";
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
        all: () => context.loaders().webhooks.all(),
        keyOf: sortKeyOf,
      }),
  },
  NexusWebhookConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
  NexusWebhook: {
    id: (webhook) => toGlobalId("NexusWebhook", webhook.id),
    nexusId: (webhook) => webhook.id,
    createdAt: (webhook) => webhook.createDate,
    updatedAt: (webhook) => webhook.updateDate,
    retries: (webhook) => webhook.retries ?? null,
  },
};
