/**
 * CORS for the upload URL only. In production the upload URL is a Google Cloud Storage signed URL that a browser
 * may PUT to directly (the bucket allows it); the emulator's `/upload/<token>` does the same, so a frontend can
 * upload a file without going through the gateway. The API itself is server-to-server and gets no CORS headers.
 */

/** The headers a browser needs to read the answer of a cross-origin upload. */
export const UPLOAD_CORS_HEADERS = { "Access-Control-Allow-Origin": "*" } as const;

/** True for a CORS preflight of an upload URL. */
export function isUploadPreflight(request: Request, pathname: string): boolean {
  return request.method === "OPTIONS" && pathname.startsWith("/upload/");
}

/**
 * The headers an upload URL asks for (resources/datasets.ts `uploadHeaders`). A browser sets `content-length`
 * itself; listing it does no harm and matches a bucket configured for the signed URL's headers.
 */
export const UPLOAD_REQUEST_HEADERS = [
  "content-length",
  "x-goog-hash",
  "x-goog-meta-datature-dataset-link",
  "x-goog-if-generation-match",
  "content-type",
] as const;

/** The answer to an upload preflight: PUT with the headers the upload URL asks for, from any origin. */
export function uploadPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...UPLOAD_CORS_HEADERS,
      "Access-Control-Allow-Methods": "PUT",
      "Access-Control-Allow-Headers": UPLOAD_REQUEST_HEADERS.join(", "),
      "Access-Control-Max-Age": "3600",
    },
  });
}

/** A copy of an upload answer with the CORS headers added. */
export function withUploadCors(response: Response): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(UPLOAD_CORS_HEADERS)) copy.headers.set(name, value);
  return copy;
}
