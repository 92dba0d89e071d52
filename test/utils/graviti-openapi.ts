/**
 * The Graviti emulator's OpenAPI description (`emulator/graviti-openapi.json`) and its checks, the same as the Nexus
 * document's in `openapi.ts`: every Graviti emulator test checks its responses with {@link graviti}.
 */
import gravitiJson from "../../emulator/graviti-openapi.json";
import { createOpenApiChecker } from "./openapi";

/** The checks of the Graviti document (see `OpenApiChecker`). */
export const graviti = createOpenApiChecker(gravitiJson, "https://graviti-emulator.local/openapi.json");
