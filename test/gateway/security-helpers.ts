/**
 * Helpers for the security tests (their gateways come from test/utils/test-gateway.ts): token hashes, GraphQL over
 * SSE and graphql-ws against any gateway, and a JWKS served from this process.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import WebSocket from "ws";
import type { GqlError } from "../utils/graphql-client";

/** The sha256 hex of a token, as GATEWAY_TOKENS is keyed. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** How a graphql-ws operation ended: its last result, or the socket's close code and reason. */
export type WsOutcome =
  | { kind: "result"; data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }
  | { kind: "closed"; code: number; reason: string };

/** Runs one operation over graphql-ws against `url` with `connectionParams`, and says how it ended. */
export async function wsRun(url: string, connectionParams: Record<string, unknown>, query: string): Promise<WsOutcome> {
  const client = createWsClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise<WsOutcome>((resolve) => {
      let last: WsOutcome | null = null;
      client.subscribe<Record<string, unknown>>(
        { query },
        {
          next: (value) => {
            last = { kind: "result", ...value };
          },
          error: (error) => {
            const close = error as { code?: unknown; reason?: unknown };
            resolve(
              typeof close.code === "number"
                ? { kind: "closed", code: close.code, reason: String(close.reason) }
                : { kind: "closed", code: -1, reason: String(error) },
            );
          },
          complete: () => resolve(last ?? { kind: "closed", code: -1, reason: "completed without a result" }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** How an SSE operation ended: its results, or the HTTP refusal (status and GraphQL errors). */
export type SseOutcome =
  | { kind: "results"; results: { data?: Record<string, unknown> | null; errors?: readonly GqlError[] }[] }
  | { kind: "refused"; status: number; errors: GqlError[] };

function errorsOfEventStream(text: string): GqlError[] {
  const data = /^data: (\{.*\})$/m.exec(text)?.[1];
  return data === undefined ? [] : ((JSON.parse(data) as { errors?: GqlError[] }).errors ?? []);
}

/** Runs one operation over GraphQL over SSE (graphql-sse, distinct connections) against `url` with `headers`. */
export async function sseRun(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseOutcome> {
  const client = createSseClient({ url, singleConnection: false, headers, retryAttempts: 0 });
  try {
    return await new Promise<SseOutcome>((resolve) => {
      const results: { data?: Record<string, unknown> | null; errors?: readonly GqlError[] }[] = [];
      client.subscribe<Record<string, unknown>>(
        { query, variables },
        {
          next: (value) => results.push(value as (typeof results)[number]),
          error: (error) => {
            const response = (error as { response?: Response }).response;
            if (response === undefined) {
              resolve({ kind: "refused", status: -1, errors: [{ message: String(error) }] });
              return;
            }
            // The refusal is an SSE body too: one `next` event with the errors, then `complete`.
            void response.text().then(
              (text) => resolve({ kind: "refused", status: response.status, errors: errorsOfEventStream(text) }),
              () => resolve({ kind: "refused", status: response.status, errors: [] }),
            );
          },
          complete: () => resolve({ kind: "results", results }),
        },
      );
    });
  } finally {
    client.dispose();
  }
}

/** A JWKS served over HTTP from this process, with its signing key and a count of fetches. */
export interface TestJwks {
  url: string;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  /** Signs a JWT with the JWKS's key (or `key`), for {@link JWT_ISSUER} and {@link JWT_AUDIENCE} unless told. */
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

/** What a test JWT may get wrong. */
export interface SignOptions {
  key?: CryptoKey;
  /** `exp`: seconds since the epoch, or a span such as "5m" (the default). */
  expiresAt?: number | string;
  issuer?: string;
  audience?: string;
}

/** The issuer and audience the test JWTs carry by default. */
export const JWT_ISSUER = "https://idp.test.example/";
export const JWT_AUDIENCE = "ml-batch-gateway";

/** Starts a JWKS server on 127.0.0.1 with one ES256 key (`kid` "test-key"). */
export async function startJwks(): Promise<TestJwks> {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
  let fetches = 0;
  const server: Server = createServer((_request, response) => {
    fetches += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    sign: (claims, options = {}) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: "ES256", kid: "test-key" })
        .setSubject("user-1")
        .setIssuer(options.issuer ?? JWT_ISSUER)
        .setAudience(options.audience ?? JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? "5m")
        .sign(options.key ?? privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
