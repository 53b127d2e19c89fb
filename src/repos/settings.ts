import type { Db } from '../db/connect';

export interface SiteSettings {
  useAllotments: boolean;
}

export async function getSettings(sql: Db): Promise<SiteSettings> {
  const [row] = await sql<SiteSettings[]>`select use_allotments from site_settings`;
  return row!;
}

export async function updateSettings(sql: Db, patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const [row] = await sql<SiteSettings[]>`
    update site_settings set use_allotments = coalesce(${patch.useAllotments ?? null}, use_allotments), updated_at = now()
    returning use_allotments`;
  return row!;
}
