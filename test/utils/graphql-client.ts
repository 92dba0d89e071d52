/**
 * The one GraphQL client of the tests: GraphQL over HTTP (POST or GET) to a gateway's `/graphql`, answered with the
 * status, the headers, the parsed body and its raw text; and raw `fetch` to the same endpoint for the tests that
 * send what no GraphQL client would (multipart forms, chunked or oversized bodies, odd methods, SSE accept headers).
 * Subscriptions go through graphql-ws and graphql-sse (test/subscriptions/helpers.ts), not through this.
 */

/** One GraphQL error as the gateway sends it. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; retryAfterSeconds?: number; [name: string]: unknown };
}

/** A GraphQL answer over HTTP. */
export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  /** The parsed JSON body; `data` and `errors` are absent when the gateway did not send them. */
  body: { data?: T | null; errors?: GqlError[] };
  /** The raw body, to search for what must not be there (keys, stack traces) and to print when a check fails. */
  text: string;
}

/** What one request sends besides the document and its variables. */
export interface QueryOptions {
  /** Headers on top of the client's defaults (a header named in both takes this value). */
  headers?: Record<string, string>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  /** POST (default) sends a JSON body; GET sends the parameters in the query string. */
  method?: "POST" | "GET";
}

/**
 * The GraphQL-over-HTTP parameters of one request (`query`, `documentId`, `variables`, `operationName`,
 * `extensions`), sent as given: a test of refusals may leave one out or give it the wrong type.
 */
export type GraphQLParams = Record<string, unknown>;

/** Raw request options: a `RequestInit` (sent as given, no default headers) and a query string for the URL. */
export interface RawRequestInit extends RequestInit {
  /** Appended to the endpoint as is, for example `?query=...` (default: nothing). */
  search?: string;
}

/** A GraphQL client bound to one gateway, see {@link createGraphQLClient}. */
export interface GraphQLTestClient {
  /** The GraphQL endpoint, `${gatewayUrl}/graphql`. */
  readonly endpoint: string;
  /**
   * Sends `document` with `variables` (default none). Resolves with any status (a 4xx answer is a result to check,
   * not a failure); rejects if the network fails or the body is not JSON, with a message naming the status and body.
   */
  query<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Like {@link GraphQLTestClient.query}, with the request's parameters given whole (a `documentId`, no query). */
  send<T = Record<string, unknown>>(
    params: GraphQLParams,
    options?: Omit<QueryOptions, "operationName" | "extensions">,
  ): Promise<GraphQLResponse<T>>;
  /** A client for the same gateway whose default headers also carry `headers` (credentials, an origin). */
  withHeaders(headers: Record<string, string>): GraphQLTestClient;
  /** Sends `init` to the endpoint as is (none of the client's headers) and resolves with the untouched `Response`. */
  fetch(init?: RawRequestInit): Promise<Response>;
}

/** The defaults of a client: headers sent with every GraphQL request (default none besides content type and accept). */
export interface GraphQLClientDefaults {
  headers?: Record<string, string>;
}

function searchOf(params: GraphQLParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return `?${search.toString()}`;
}

/**
 * A GraphQL client for the gateway at `gatewayUrl` (its base URL, for example `http://127.0.0.1:41234`), sending
 * `accept: application/json` and `defaults.headers` with every GraphQL request. Never throws when created.
 */
export function createGraphQLClient(gatewayUrl: string, defaults: GraphQLClientDefaults = {}): GraphQLTestClient {
  const endpoint = `${gatewayUrl}/graphql`;
  const rawFetch = (init: RawRequestInit = {}): Promise<Response> => {
    const { search = "", ...rest } = init;
    return fetch(`${endpoint}${search}`, rest);
  };
  const send = async <T>(params: GraphQLParams, options: QueryOptions = {}): Promise<GraphQLResponse<T>> => {
    const method = options.method ?? "POST";
    const headers: Record<string, string> = {
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
      accept: "application/json",
      ...defaults.headers,
      ...options.headers,
    };
    const response =
      method === "POST"
        ? await rawFetch({ method, headers, body: JSON.stringify(params) })
        : await rawFetch({ method, headers, search: searchOf(params) });
    const text = await response.text();
    let body: GraphQLResponse<T>["body"];
    try {
      body = JSON.parse(text) as GraphQLResponse<T>["body"];
    } catch {
      throw new Error(
        `graphql client: expected a JSON body from ${method} ${endpoint}, got ${response.status}: ${text.slice(0, 500)}`,
      );
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    endpoint,
    query: (document, variables = {}, options = {}) =>
      send(
        { query: document, variables, operationName: options.operationName, extensions: options.extensions },
        options,
      ),
    send: (params, options) => send(params, options),
    withHeaders: (headers) => createGraphQLClient(gatewayUrl, { headers: { ...defaults.headers, ...headers } }),
    fetch: rawFetch,
  };
}
