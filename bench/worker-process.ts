// The worker process of the benchmark: the production worker (cache size and the hand-off
// drain included) with the benchmark's baseline workflows added to its bundle.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createWorker, startHandoffDrain } from '../src/composition/worker';
import { announce, benchServices } from './services';

const quietBundler = { info() {}, warn() {}, error: console.error, debug() {}, trace() {}, log() {} } as never;

const { services, conns, close } = await benchServices();
const worker = await createWorker({
  connection: await conns.nativeConnection(),
  namespace: 'default',
  taskQueue: services.taskQueue,
  deps: services,
  workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)), logger: quietBundler }),
});
const running = worker.run();
const stopDrain = startHandoffDrain(services);
announce('ready', async () => {
  await stopDrain();
  worker.shutdown();
  await running;
  await close();
});
