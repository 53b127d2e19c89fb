import { describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';

// "Here you can search a reseller or create a new organization" (seed 001): GET /v1/organizations?q=
// finds organizations by any part of their name, whatever the case and accents, in the caller's scope.

describe('GET /v1/organizations?q= finds organizations by name', () => {
  const { s } = suiteStack({ worker: false });

  it('matches a prefix or any part of the name, ignoring case and accents, listed by name and page by page', async () => {
    const tag = unique('x').replace(/-/g, '');
    const parent = await s.organization({ name: `Réseaux Nordiques ${tag}` });
    const names = [`Société Générale Reseller ${tag}`, `Zürich Reseller ${tag}`, `Ålesund Resellers ${tag}`, `Other ${tag}`];
    const ids = new Map<string, string>();
    for (const name of names) ids.set(name, await s.organization({ name, parentId: parent }));

    const search = async (q: string, extra = '') => {
      const res = await s.call('GET', `/v1/organizations?q=${encodeURIComponent(q)}${extra}`);
      expect(res.status).toBe(200);
      return res.body.items.map((o: any) => o.name);
    };
    expect(await search(`zurich reseller ${tag}`)).toEqual([`Zürich Reseller ${tag}`]);
    expect(await search(`SOCIETE`)).toContain(`Société Générale Reseller ${tag}`);
    expect(await search(`reseller ${tag}`)).toEqual([`Société Générale Reseller ${tag}`, `Zürich Reseller ${tag}`]);
    expect(await search(`resellers ${tag}`)).toEqual([`Ålesund Resellers ${tag}`]);
    // Listed by name (folded), across pages.
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { body: any } = await s.call('GET', `/v1/organizations?q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      pages.push(res.body.items.map((o: any) => o.name));
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([
      [`Ålesund Resellers ${tag}`, `Other ${tag}`],
      [`Réseaux Nordiques ${tag}`, `Société Générale Reseller ${tag}`],
      [`Zürich Reseller ${tag}`],
    ]);
    // parentId still narrows the list, with or without q.
    expect(await search(tag, `&parentId=${parent}`)).toHaveLength(4);
  });

  it('finds only what the caller may see, and treats LIKE wildcards as text', async () => {
    const tag = unique('y').replace(/-/g, '');
    const mine = await s.organization({ name: `Mine ${tag}` });
    await s.organization({ name: `Theirs ${tag}` });
    const manager = await s.userWithToken({ role: 'manager', organizationId: mine });
    const res = await s.call('GET', `/v1/organizations?q=${tag}`, { token: manager.token });
    expect(res.body.items.map((o: any) => o.name)).toEqual([`Mine ${tag}`]);
    const wild = await s.call('GET', `/v1/organizations?q=${encodeURIComponent(`%${tag}`)}`);
    expect(wild.body.items).toEqual([]);
  });

  it('answers the organizations as CSV when asked', async () => {
    const tag = unique('z').replace(/-/g, '');
    await s.organization({ name: `Comma, Inc ${tag}` });
    const res = await s.call('GET', `/v1/organizations?q=${tag}`, { headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['id', 'name', 'parentId']);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"Comma, Inc ${tag}"`);
  });
});
