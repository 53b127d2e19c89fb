import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../repos/audit';
import { getSettings, updateSettings, type SiteSettings } from '../repos/settings';
import type { Services } from './services';

export interface SettingsView extends SiteSettings {
  /** True when a Stripe secret key is configured. */
  stripeConnected: boolean;
}

export async function readSettings(s: Pick<Services, 'sql' | 'stripe'>): Promise<SettingsView> {
  return { ...(await getSettings(s.sql)), stripeConnected: s.stripe !== null };
}

export async function changeSettings(s: Pick<Services, 'sql' | 'stripe'>, p: Principal, patch: Partial<SiteSettings>): Promise<SettingsView> {
  const after = await s.sql.begin(async (tx) => {
    const before = await getSettings(tx);
    const updated = await updateSettings(tx, patch);
    await recordAudit(tx, { actor: actorOf(p), entity: 'settings', entityId: 'site', action: 'update', before, after: updated });
    return updated;
  });
  return { ...after, stripeConnected: s.stripe !== null };
}
