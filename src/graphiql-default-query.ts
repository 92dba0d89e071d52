/**
 * The query GraphiQL opens with: a newcomer's first query, which must just work against the demo project
 * (a test runs it).
 */

/** GraphiQL's opening query: the five newest jobs with their state, progress, dataset and webhooks. */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to the ML batch GraphQL gateway.
# Credentials: the x-nexus-project-id and x-nexus-secret-key headers (or the gateway's defaults).
query RecentJobs {
  jobs(first: 5) {
    edges {
      node {
        id
        name
        state
        progress
        ... on NexusJob {
          status { overview message items { delivered failedDeliver } }
          dataset { name itemCount }
          webhooks { name endpoint }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
