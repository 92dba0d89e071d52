/**
 * The workerd process that runs a Worker started by `startWorker`, and its CPU time, read from `/proc` (Linux only).
 *
 * Why the process: inside a Worker `Date` and `performance` stand still during execution, so a Worker cannot time
 * itself, and `wrangler dev` puts a proxy (another workerd process) in front of it. Each Worker started by
 * `unstable_startWorker` is two workerd children of this process: the proxy, which listens on the Worker's URL, and
 * the runtime, which runs the Worker's code (and miniflare's small entry worker). The runtime is the one that does not
 * listen on the URL's port.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return fallback;
  }
}

/** The pids of this process's workerd children. */
export function workerdChildren(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      // stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its closing parenthesis.
      const fields = readOr(`/proc/${pid}/stat`, "").split(") ")[1]?.split(" ") ?? [];
      return Number(fields[1]) === process.pid && readOr(`/proc/${pid}/cmdline`, "").includes("workerd");
    });
}

/** The TCP ports `pid` listens on (its socket inodes matched against /proc/net/tcp and tcp6). */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket?.[1] !== undefined) inodes.add(socket[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const ports: number[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readOr(table, "").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      // Column 3 is the state (0A: LISTEN), column 9 the socket's inode.
      if (columns[3] === "0A" && columns[9] !== undefined && inodes.has(columns[9])) {
        ports.push(Number.parseInt(columns[1]?.split(":")[1] ?? "", 16));
      }
    }
  }
  return ports;
}

/**
 * The runtime process among `candidates` (the workerd children that appeared when the Worker started): the one that
 * does not listen on `proxyPort`. Throws when there is not exactly one.
 */
export function runtimeProcess(candidates: readonly number[], proxyPort: number): number {
  const runtimes = candidates.filter((pid) => !listeningPorts(pid).includes(proxyPort));
  if (runtimes.length !== 1 || runtimes[0] === undefined) {
    throw new Error(`expected one workerd runtime process among ${candidates.join(", ")}, found ${runtimes.length}`);
  }
  return runtimes[0];
}

/**
 * CPU time of every thread of `pid` so far, in nanoseconds (the first field of each thread's schedstat: time spent
 * on a CPU). Nanosecond resolution, where /proc/<pid>/stat counts 10 ms ticks.
 */
export function cpuTimeNs(pid: number): number {
  let total = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    total += Number(readOr(`/proc/${pid}/task/${thread}/schedstat`, "0").split(" ")[0]);
  }
  return total;
}
