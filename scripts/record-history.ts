// Saves a workflow's event history for the replay test:
//   TEMPORAL_ADDRESS=localhost:7233 npx tsx scripts/record-history.ts <workflowId> [runId]
// Replaying recorded histories catches workflow changes that would break running executions
// (such changes must go through patched()).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { projectRoot } from '../src/tools/paths';

const [workflowId, runId] = process.argv.slice(2);
if (!workflowId) throw new Error('usage: record-history.ts <workflowId> [runId]');
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233' });
const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
const handle = client.workflow.getHandle(workflowId, runId);
const { type } = await handle.describe();
const history = await handle.fetchHistory();
const file = join(projectRoot, 'tests', 'histories', `${type.replace(/Workflow$/, '')}.json`);
await writeFile(file, JSON.stringify({ workflowType: type, workflowId, history: JSON.parse(historyToJSON(history)) }, null, 1) + '\n');
console.log(`wrote ${file} (${history.events?.length} events)`);
await connection.close();
