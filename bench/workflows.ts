// The production workflows plus the benchmark's no-op baseline (never in the production bundle).
export * from '../workflows';

export async function benchNoopWorkflow(): Promise<void> {}
