/**
 * The query bombs of issue 7, shared by the limit tests (test/gateway/limits.test.ts) and the refusal benchmark
 * (bench/limits-refusal.bench.ts), so that both measure the same requests.
 */

/** `hops` nested `jobs(first) → dataset → jobs(first) → …`, written compactly, as a bomb is. */
export function hopQuery(hops: number, first: number): string {
  let inner = "id";
  for (let hop = 0; hop < hops; hop += 1) {
    const next = hop === 0 ? "id" : `id ...on NexusJob{dataset{${inner}}}`;
    inner = `jobs(first:${first}){edges{node{${next}}}}`;
  }
  return `{${inner}}`;
}

/** 500 aliases of `jobs(first: 100) { … logs }` (234 MB of answer before the limits). */
export const HEAVY_ALIASES = `{ ${Array.from({ length: 500 }, (_, i) => `j${i}: jobs(first: 100) { edges { node { ... on NexusJob { logs { id } } } } }`).join(" ")} }`;

/** 500 cheap aliases in one selection (few tokens, many aliases). */
export const CHEAP_ALIASES = `{ jobs(first: 1) { edges { node { ${Array.from({ length: 500 }, (_, i) => `a${i}: id`).join(" ")} } } } }`;

/** 600 root fields. */
export const MANY_ROOT_FIELDS = `{ ${Array.from({ length: 600 }, (_, i) => `w${i}: webhooks { totalCount }`).join(" ")} }`;

/** A query of more than 100,000 characters. */
export const LONG_QUERY = `{ ${"__typename ".repeat(9100)}}`;

/** `first: $n`, with a huge `$n` in the variables. */
export const HUGE_N = {
  query: `query($n: Int!) { jobs(first: $n) { edges { node { id } } } }`,
  variables: { n: 2_147_483_647 },
};

/** A 10 MB request body (a valid request, padded in its variables). */
export function tenMegabyteBody(): string {
  return JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(10 * 1024 * 1024) } });
}
