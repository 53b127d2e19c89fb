// Saves a workflow's event history for the replay test:
//   npx tsx scripts/record-history.ts <workflowId> [runId]
// It connects like the workers do (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS or API key;
// default localhost:7233). Replaying recorded histories catches workflow changes that would
// break running executions (such changes must go through patched()).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { loadConfig } from '../src/config';
import { connectTemporal } from '../src/temporal/connection';
import { projectRoot } from '../src/tools/paths';

const [workflowId, runId] = process.argv.slice(2);
if (!workflowId) throw new Error('usage: record-history.ts <workflowId> [runId]');
const config = loadConfig();
const temporal = await connectTemporal({ ...config, address: config.TEMPORAL_ADDRESS ?? 'localhost:7233' });
try {
  const handle = temporal.client.workflow.getHandle(workflowId, runId);
  const { type } = await handle.describe();
  const history = await handle.fetchHistory();
  const name = process.env.HISTORY_NAME ?? type.replace(/Workflow$/, '');
  const file = join(projectRoot, 'tests', 'histories', `${name}.json`);
  await writeFile(file, JSON.stringify({ workflowType: type, workflowId, history: JSON.parse(historyToJSON(history)) }, null, 1) + '\n');
  console.log(`wrote ${file} (${history.events?.length} events)`);
} finally {
  await temporal.close();
}
