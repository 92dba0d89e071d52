/**
 * The one REST client of Graviti's OpenAPI v2 datasets: one typed method per endpoint of graviti.md. Every call goes
 * through {@link GravitiTransport}, which adds the `X-Token`, applies timeouts and GET retries, checks status and
 * body shape, and throws one typed error (`UpstreamError`) for every failure.
 */
import { badUserInput } from "../../errors";
import { isSafeGravitiName } from "./ids";
import { GravitiTransport, type GravitiClientOptions } from "./transport";
import type { GravitiCreateDatasetBody, GravitiDataset, GravitiDatasetPage, GravitiUpdateDatasetBody } from "./types";
import { checkDataset, checkDatasetPage } from "./wire-checks";

export { DEFAULT_TIMEOUT_MS, type GravitiClientOptions, type GravitiCredentials } from "./transport";

/** Most datasets one list call may return (graviti.md: `limit` defaults to 128, the emulator's maximum too). */
export const MAX_LIST_LIMIT = 128;

/**
 * One path segment: a workspace or dataset name, checked (`ids.ts`: no `.`, `..`, slash, backslash or control
 * character) and encoded, so a name never steers a request to another path. Throws `BAD_USER_INPUT` before any call.
 */
function segment(name: string, what: string): string {
  if (!isSafeGravitiName(name)) throw badUserInput(`"${name.slice(0, 100)}" is not a valid Graviti ${what} name.`);
  return encodeURIComponent(name);
}

function datasetPath(workspace: string, name: string): string {
  return `/v2/datasets/${segment(workspace, "workspace")}/${segment(name, "dataset")}`;
}

/**
 * Typed calls to Graviti as one workspace (its access key). Construct one per request (it carries the retry budget).
 * Every method resolves with the checked wire body or rejects with an `UpstreamError`.
 */
export class GravitiClient {
  readonly #transport: GravitiTransport;

  constructor(options: GravitiClientOptions) {
    this.#transport = new GravitiTransport(options);
  }

  /** `GET /v2/datasets?offset&limit`: one page of the key's workspace, in the upstream's order (creation order). */
  listDatasets(offset: number, limit: number): Promise<GravitiDatasetPage> {
    return this.#transport.request({
      operation: "datasets.list",
      method: "GET",
      path: "/v2/datasets",
      query: { offset, limit },
      check: checkDatasetPage,
    });
  }

  /** `GET /v2/datasets/{workspace}/{dataset}`. */
  getDataset(workspace: string, name: string): Promise<GravitiDataset> {
    return this.#transport.request({
      operation: "datasets.get",
      method: "GET",
      path: datasetPath(workspace, name),
      check: checkDataset,
    });
  }

  /** `POST /v2/datasets`: a new dataset in the key's workspace. */
  createDataset(body: GravitiCreateDatasetBody): Promise<GravitiDataset> {
    return this.#transport.request({
      operation: "datasets.create",
      method: "POST",
      path: "/v2/datasets",
      body,
      check: checkDataset,
    });
  }

  /** `PATCH /v2/datasets/{workspace}/{dataset}` with any of `name`, `alias`, `default_branch`. */
  updateDataset(workspace: string, name: string, body: GravitiUpdateDatasetBody): Promise<GravitiDataset> {
    return this.#transport.request({
      operation: "datasets.update",
      method: "PATCH",
      path: datasetPath(workspace, name),
      body,
      check: checkDataset,
    });
  }

  /** `DELETE /v2/datasets/{workspace}/{dataset}` (204, no body). */
  deleteDataset(workspace: string, name: string): Promise<void> {
    return this.#transport.request<void>({
      operation: "datasets.delete",
      method: "DELETE",
      path: datasetPath(workspace, name),
      check: "no-body",
    });
  }
}
