import type { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { registerAdminAggregator } from './aggregator';
import { registerAdminAggregators } from './aggregators';
import { registerAdminBackfill } from './backfill';
import { registerAdminPriceList } from './price-list';
import { registerAdminPriceListSuccessor } from './price-list-successor';
import { registerAdminPriceLists } from './price-lists';
import { registerAdminSettings } from './settings';

/** The admins' room (docs/portal.md "Admins"): site settings, price lists, aggregator integrations. */
export function registerAdmin(r: Hono<AppEnv>) {
  registerAdminSettings(r);
  registerAdminPriceLists(r);
  registerAdminPriceList(r);
  registerAdminPriceListSuccessor(r);
  registerAdminAggregators(r);
  registerAdminAggregator(r);
  registerAdminBackfill(r);
}
