/**
 * What must never appear in an answer or a log line: the emulators' upstream keys (every tenant's key contains its
 * demo key, e.g. `demo-secret-key_gateway-queries`, or `large-secret-key_<tenant>` for the large project) and, per
 * file, the webhook secrets handed out. Shared by the leak watch of answers (`leak-watch.ts`) and of the Workers'
 * log lines (`global-setup.ts`).
 */

/** The upstream keys of the emulators' seeded projects and workspaces (Nexus, Graviti, ModelArts), in every tenant. */
export const LEAK_NEEDLES: readonly string[] = [
  "demo-secret-key",
  "other-secret-key",
  "large-secret-key",
  "ACCESSKEY-demo",
  "ACCESSKEY-other",
  "demo-iam-token",
  "other-iam-token",
];

/** The first needle found in `text` (named, not quoted in full), or null. */
export function leakIn(text: string, needles: readonly string[]): string | null {
  for (const needle of needles) {
    if (needle.length >= 8 && text.includes(needle)) return `"${needle.slice(0, 6)}…"`;
  }
  return null;
}

/** A line of vitest's report (a test passed, failed or was skipped; a failing file), with or without colours. */
// eslint-disable-next-line no-control-regex -- \x1b starts a terminal colour code, which the pattern skips
const REPORT_LINE = /^(\x1b\[[0-9;]*m|\s)*(✓|×|↓|FAIL\b)/;

/** A watch over this process's output (where wrangler prints the Workers' log lines). */
export interface OutputWatch {
  /** The lines that carried a needle, each shortened around it. */
  found(): string[];
  /** Puts the original writers back. */
  stop(): void;
}

/**
 * Watches everything this process writes to stdout and stderr (the Workers' log lines arrive there) for the
 * needles, passing the output on unchanged. Never throws.
 */
export function watchProcessOutput(needles: readonly string[] = LEAK_NEEDLES): OutputWatch {
  const found: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    const original = originals[index] as typeof stream.write;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      const text =
        typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : "";
      for (const line of text.split("\n")) {
        // vitest's own report names tests, and a test's name may mention a demo key: that is not Worker output.
        if (REPORT_LINE.test(line)) continue;
        const needle = leakIn(line, needles);
        if (needle !== null) found.push(`a log line carries ${needle}: ${line.slice(0, 120).replace(/\s+/g, " ")}`);
      }
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
  });
  return {
    found: () => [...found],
    stop: () => streams.forEach((stream, index) => (stream.write = originals[index] as typeof stream.write)),
  };
}
