// docs/temporal-ops.md's workflow reference is generated from the code (`npm run docs:temporal`):
// a workflow, message or payload changed without regenerating the page fails here.
import { describe, expect, it } from 'vitest';
import { collectWorkflows, regeneratedPage, spliceGenerated, BEGIN_MARKER, END_MARKER } from '../../scripts/docs/temporal-reference';
import { projectRoot } from '../../src/tools/paths';

describe('the workflow reference in docs/temporal-ops.md', () => {
  it('is what `npm run docs:temporal` generates from the code now', { timeout: 180_000 }, () => {
    const { current, regenerated } = regeneratedPage(projectRoot);
    expect(current, 'docs/temporal-ops.md differs from the code: run `npm run docs:temporal` and commit the page').toBe(regenerated);
  });

  it('reads every registered workflow, its id pattern, kind and messages from the code', { timeout: 180_000 }, () => {
    const workflows = collectWorkflows(projectRoot);
    expect(workflows.map((w) => w.type)).toEqual([
      'pruneIdempotencyWorkflow', 'reconcileWorkflow', 'saleWorkflow', 'responseWorkflow', 'purchaseWorkflow', 'bulkInviteWorkflow', 'lowBalanceAlertWorkflow',
      'campaignWorkflow', 'groupSubscriptionWorkflow', 'groupImportWorkflow', 'campaignCodeSendsWorkflow', 'aggregatorWorkflow', 'webhookDeliveryWorkflow',
    ]);
    expect(workflows.find((w) => w.type === 'webhookDeliveryWorkflow')).toMatchObject({ kinds: ['webhook_delivery'], idPatterns: ['delivery-<eventId>-<endpointId>', 'redelivery-<deliveryId>'] });
    const sale = workflows.find((w) => w.type === 'saleWorkflow')!;
    expect(sale.idPatterns).toEqual(['sale-<saleId>']);
    expect(sale.kinds).toEqual(['sale']);
    expect(sale.messages.find((m) => m.name === 'activationDateChanged')).toEqual({ kind: 'signal', name: 'activationDateChanged', payload: '{ activationDate: string }', answer: null });
    const campaign = workflows.find((w) => w.type === 'campaignWorkflow')!;
    expect(campaign).toMatchObject({ groupTagged: true, organizationTagged: true, kinds: ['campaign'] });
    expect(workflows.find((w) => w.type === 'pruneIdempotencyWorkflow')).toMatchObject({ kinds: ['platform'], groupTagged: false, organizationTagged: false });
    expect(workflows.find((w) => w.type === 'lowBalanceAlertWorkflow')).toMatchObject({ idPatterns: ['low-balance-<organizationId>-<assessmentId>-<seq>'], kinds: ['low-balance-alert'], organizationTagged: true });
    expect(workflows.find((w) => w.type === 'reconcileWorkflow')).toMatchObject({ kinds: ['platform'], scheduledIds: ['platform-reconcile-<time>'] });
  });

  it('keeps the text around the markers and refuses a page without them', () => {
    const page = `before\n${BEGIN_MARKER}\nold\n${END_MARKER}\nafter\n`;
    expect(spliceGenerated(page, 'new')).toBe(`before\n${BEGIN_MARKER}\nnew\n${END_MARKER}\nafter\n`);
    expect(() => spliceGenerated('no markers', 'new')).toThrow(/markers/);
  });
});
