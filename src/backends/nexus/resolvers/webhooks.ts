/**
 * Webhooks (Nexus only): `webhook(id)`, `webhooks(...)` and the `NexusWebhook` type. The secret is never
 * readable: only the create and rotate mutations return it, once (see `webhook-mutations.ts`).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { totalCountOf } from "../../../pagination/connection";
import { filterFingerprint, paginate } from "../../../pagination/paginate";
import { sortKeyOf } from "../../../pagination/sort-key";
import { globalIdOf } from "../../model-fields";
import { selectsField } from "../../../pagination/selects-field";
import { nexusSession } from "../session";

/** The webhook queries and types. */
export const nexusWebhookResolvers: Resolvers = {
  Query: {
    webhook: (_root, { id }, context) =>
      nexusSession(context).loaders.webhookById.load(context.ids.resolveOf(id, { typename: "NexusWebhook" }).ref),
    webhooks: (_root, args, context, info) =>
      paginate({
        kind: "webhooks",
        // Version 1 cursors of this list (issued before the registry) carry Nexus ids.
        v1Provider: "NEXUS",
        filter: filterFingerprint({}),
        args,
        source: () => nexusSession(context).loaders.webhooks,
        keyOf: sortKeyOf,
        counted: selectsField(info, "totalCount"),
      }),
  },
  NexusWebhookConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
  NexusWebhook: {
    id: (webhook) => globalIdOf(webhook),
    nexusId: (webhook) => webhook.ref,
    projectId: (webhook) => webhook.wire.projectId,
    name: (webhook) => webhook.wire.name,
    endpoint: (webhook) => webhook.wire.endpoint,
    createdAt: (webhook) => webhook.createdAt,
    updatedAt: (webhook) => webhook.wire.updateDate,
    retries: (webhook) => webhook.wire.retries ?? null,
  },
};
