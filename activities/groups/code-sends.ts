import { heartbeat } from '@temporalio/activity';
import { finishCodeSends, sendCodeBatch } from '../../src/groups/code-sends';
import type { ActivityDeps } from '../deps';

export function createCodeSendActivities(deps: Pick<ActivityDeps, 'sql' | 'mail'>) {
  return {
    /** The next recipients of a sends job: a code each (once per address) and its e-mail (once per code). */
    async sendCampaignCodes(jobId: string, afterLine: number, limit: number): Promise<{ lastLine: number | null }> {
      return sendCodeBatch(deps, jobId, afterLine, limit, () => heartbeat());
    },
    async finishCampaignCodeSends(jobId: string): Promise<{ sent: number; alreadySent: number; failed: number }> {
      return finishCodeSends(deps, jobId);
    },
  };
}
