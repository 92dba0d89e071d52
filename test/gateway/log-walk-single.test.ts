/**
 * The page-size-1 walks of `NexusJob.logs` over the 1,200-entry log (`log-walk.ts`): 1,200 pages each way, every
 * entry once, the upstream calls of every page counted. In the heavy project because of its 2,400 requests, which
 * would slow the integration files that share its Workers. The two walks run at the same time, over logs of two
 * tenants: each is one request after another, so together they use both cores.
 */
import { describeLogWalks, useLongLog } from "./log-walk";

useLongLog();
describeLogWalks([1], { concurrent: true });
