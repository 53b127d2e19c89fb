import type { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { registerApprovals } from './approvals';
import { registerSalesList } from './list';
import { registerSalePage } from './sale';
import { registerSaleWizard } from './wizard';

/** Sales management, "Register new sale", a sale's page (/portal/sales…) and the approvers' queue (/portal/approvals). */
export function registerSales(r: Hono<AppEnv>) {
  registerSalesList(r);
  registerSaleWizard(r); // before /sales/:id, so /sales/new is the wizard
  registerSalePage(r);
  registerApprovals(r);
}
