/** The queries the benchmarks share. */

/** A page of jobs with each one's dataset and webhooks (`$first` jobs): the nested page of issue 12. */
export const NESTED_JOBS_PAGE = /* GraphQL */ `
  query JobsPage($first: Int!) {
    jobs(first: $first) {
      edges { node { id name state progress
        ... on NexusJob { dataset { name itemCount status { overview } } webhooks { name endpoint } } } }
    }
  }
`;

/** A flat page of `$first` jobs: one upstream list call. */
export const FLAT_JOBS_PAGE = /* GraphQL */ `
  query FlatJobsPage($first: Int!) { jobs(first: $first) { edges { node { id name state progress } } } }
`;
