/** @jsxImportSource hono/jsx */
import type { Hono } from 'hono';
import { listAssessments } from '../../../src/allotments/assessments';
import { listAllotments, type AllotmentRow } from '../../../src/allotments/ledger';
import { listPurchases, type PurchaseView } from '../../../src/allotments/purchases';
import { unitOf } from '../../../src/domain/allotments/ledger';
import type { AppEnv } from '../../context';
import { Notice, Table } from '../components';
import { page } from '../page';
import { buyer, buyUrl, instant, ledgerUrl, money, OrganizationPicker, organizationOf, pickableOrganizations, purchaseUrl, SECTION } from './shared';

const STATUS: Record<PurchaseView['status'], string> = {
  pending_payment: 'Waiting for payment',
  payment_mismatch: 'Waiting for payment (a payment did not match)',
  paid: 'Paid, units credited',
  granted: 'Granted, units credited',
  expired: 'Expired unpaid',
};
export const purchaseStatusText = (s: PurchaseView['status']) => STATUS[s];

/** An assessment nothing was allocated to yet has no allotment row: all its columns are 0. */
export const emptyAllotment = (organizationId: string, assessmentId: string, pricingByCohort: boolean): AllotmentRow => ({
  organizationId, assessmentId, unit: unitOf(pricingByCohort), allocated: 0, invited: 0, used: 0, unexpired: 0, expired: 0, available: 0, nextReleaseAt: null, lowBalanceThreshold: null,
});

const COLUMNS = ['Assessment', 'Allocated', 'Invited', 'Used', 'Unexpired', 'Expired', 'Available', 'Low-balance threshold', 'Actions'];

/** The Allotments list (seed 002's six columns) per assessment of one organization, and its recent purchases. */
export function registerAllotmentList(r: Hono<AppEnv>) {
  r.get('/allotments', async (c) => {
    const { principal } = buyer(c);
    const org = await organizationOf(c, principal, c.req.query('organizationId'));
    const organizations = principal.role === 'admin' ? await pickableOrganizations(c, principal) : [];
    if (!org) {
      return page(c, {
        title: 'Allotments',
        current: SECTION,
        body: (
          <>
            <p>Choose the organization whose allotments you want to see or buy.</p>
            <OrganizationPicker organizations={organizations} />
          </>
        ),
      });
    }
    const deps = c.var.deps;
    const [assessments, rows, purchases] = await Promise.all([
      listAssessments(deps, principal, { limit: 500 }),
      listAllotments(deps, principal, { organizationId: org.id, limit: 500 }),
      listPurchases(deps, principal, { organizationId: org.id, limit: 10 }),
    ]);
    const byAssessment = new Map(rows.map((row) => [row.assessmentId, row]));
    const names = new Map(assessments.map((a) => [a.id, a.name]));
    const byCohort = new Map(assessments.map((a) => [a.id, a.pricingByCohort]));
    const ids = [...new Set([...assessments.map((a) => a.id), ...rows.map((row) => row.assessmentId)])];
    const credited = purchases.find((p) => p.id === c.req.query('credited') && (p.status === 'paid' || p.status === 'granted'));
    return page(c, {
      title: 'Allotments',
      current: SECTION,
      body: (
        <>
          {principal.role === 'admin' && <OrganizationPicker organizations={organizations} selected={org.id} />}
          {credited && (
            <Notice>
              {credited.quantity} unit(s) of {names.get(credited.assessmentId) ?? 'the assessment'} were credited (purchase {credited.id}).
            </Notice>
          )}
          <p>
            Available = Allocated − Used − Unexpired: open invitations hold a unit until they are completed (Used) or expire (Expired, and the unit is
            available again). Open an assessment for its ledger and its low-balance alert.
          </p>
          {ids.length === 0 ? (
            <p>No assessment is linked to you yet. An administrator links managers to the assessments they may buy.</p>
          ) : (
            <Table caption={`Allotments of ${org.name}`} head={COLUMNS}>
              {ids.map((id) => {
                const a = byAssessment.get(id) ?? emptyAllotment(org.id, id, byCohort.get(id) ?? false);
                const name = names.get(id) ?? id;
                return (
                  <tr>
                    <td>
                      <a href={ledgerUrl(org.id, id)}>{name}</a>
                      {a.unit === 'cohort' && <small> (counted in cohorts)</small>}
                    </td>
                    <td class="num">{a.allocated}</td>
                    <td class="num">{a.invited}</td>
                    <td class="num">{a.used}</td>
                    <td class="num">{a.unexpired}</td>
                    <td class="num">{a.expired}</td>
                    <td class="num">{a.available}</td>
                    <td class="num">{a.lowBalanceThreshold ?? 'off'}</td>
                    <td>
                      <a href={buyUrl(org.id, id)} aria-label={`Buy units of ${name}`}>
                        Buy units
                      </a>
                    </td>
                  </tr>
                );
              })}
            </Table>
          )}
          <h2>Recent purchases</h2>
          {purchases.length === 0 ? (
            <p>No purchases yet.</p>
          ) : (
            <Table caption={`The last ${purchases.length} purchase(s) of ${org.name}, newest first`} head={['Placed', 'Assessment', 'Units', 'Amount', 'Status', 'Purchase']}>
              {purchases.map((p) => (
                <tr>
                  <td>{instant(p.createdAt)}</td>
                  <td>{names.get(p.assessmentId) ?? p.assessmentId}</td>
                  <td class="num">{p.quantity}</td>
                  <td class="num">{money(p.amount, p.currency)}</td>
                  <td>{purchaseStatusText(p.status)}</td>
                  <td>
                    <a href={purchaseUrl(p.id)} aria-label={`Purchase placed ${instant(p.createdAt)}`}>
                      View
                    </a>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </>
      ),
    });
  });
}
