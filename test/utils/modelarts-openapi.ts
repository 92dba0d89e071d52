/**
 * The checks of `test/utils/openapi.ts` against the ModelArts emulator's description (`emulator/modelarts-openapi.json`):
 * `expectMatchesOpenApi(method, url, status, body, headers?)` and the rest, for ModelArts paths.
 */
import modelArtsJson from "../../emulator/modelarts-openapi.json";
import { createOpenApiChecker } from "./openapi";

/** The ModelArts checker; its `checkedResponses` count what this test file has checked. */
export const modelArtsOpenApi = createOpenApiChecker(modelArtsJson, "https://modelarts-emulator.local/openapi.json");
