/**
 * The query GraphiQL opens with: a newcomer's first query, which must just work against the demo projects (a test
 * runs it). Made from the registry: the credential headers of every backend, and each backend's own fields of its
 * jobs where it offers some (`exampleJobFields`), so a new backend shows up here without an edit.
 */
import { BACKENDS } from "./backends/registry";

const credentials = BACKENDS.map((backend) => backend.credentialHeaders.join(" and ")).join("; ");
const ownFields = BACKENDS.flatMap((backend) =>
  backend.exampleJobFields === undefined ? [] : [backend.exampleJobFields.replace(/^/gm, "        ")],
);

/** GraphiQL's opening query: the five newest jobs with their state, progress, and what each platform adds. */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to the ML batch GraphQL gateway.
# Credentials: ${credentials} (or the gateway's defaults).
query RecentJobs {
  jobs(first: 5) {
    edges {
      node {
        id
        name
        state
        progress
${ownFields.join("\n")}
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
