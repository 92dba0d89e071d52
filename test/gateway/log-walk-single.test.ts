/**
 * The page-size-1 walks of `NexusJob.logs` over the 3,000-entry log (`log-walk.ts`): 3,000 pages each way, every
 * entry once, the upstream calls of every page counted. In the heavy project because of its 6,000 requests (about 4
 * minutes per direction on 2 loaded cores), which would slow the integration files that share its Workers.
 */
import { describeLogWalks, useLongLog } from "./log-walk";

useLongLog();
describeLogWalks([1]);
