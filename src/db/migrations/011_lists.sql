-- Lists everyone needs (issue 13): the ledger of every allotment movement, names found whatever
-- their case or accents, and the indexes the new lists read in their order.

-- 1. Search text. One immutable function folds text the same way for the stored side and for the
--    query (`?q=`): compatibility decomposition (ligatures, full-width letters), lower case, no
--    combining marks (é → e, ü → u), and the letters that do not decompose spelled out
--    (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, ħ → h, ı → i). Plain SQL built-ins only,
--    so it needs no extension (unaccent is not on every server) and can back a generated column.
create function fold_for_search(t text) returns text
language sql immutable strict parallel safe
as $$
  select translate(
           replace(replace(replace(
             regexp_replace(lower(normalize(t, NFKD)), '[\u0300-\u036f]', '', 'g'),
             'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
           'øłđðħı', 'olddhi')
$$;

-- Organizations are found by name: prefix or substring of the folded name, listed by it.
alter table organizations add column name_search text generated always as (fold_for_search(name)) stored;
create index organizations_name_search_idx on organizations (name_search, id);

-- Responses are found by respondent name (folded) or e-mail (stored lower-case).
alter table responses add column respondent_name_search text generated always as (fold_for_search(respondent_name)) stored;

-- 2. The ledger of one allotment: every movement of its columns, with who made it and the columns
--    after it. Each row is written by the statement that moves the allotment row (a data-modifying
--    CTE in src/repos/allotments/ledger.ts), so the columns after are exactly the row's, under its
--    row lock, and the two can never disagree or be written one without the other.
create table allotment_entries (
  id bigint generated always as identity primary key,
  organization_id uuid not null,
  assessment_id uuid not null,
  at timestamptz not null default clock_timestamp(),
  kind text not null check (kind in ('allocation', 'reservation', 'completion', 'expiry', 'refund', 'dispute')),
  -- How many units moved (the allotment's unit: responses, or cohorts when priced by cohort).
  units integer not null check (units > 0),
  -- The audit trail's name for who did it: user:<id>, share_link:<id>, stripe:<event id>, workflow:<id>.
  actor text not null,
  -- What moved it: the purchase (allocation, refund, dispute), the response (a single reservation,
  -- completion, expiry), the cohort, the bulk job.
  purchase_id uuid references purchases(id),
  response_id uuid,
  cohort_id uuid references cohorts(id) deferrable initially deferred,
  job_id uuid references jobs(id),
  -- Reservations: how the responses came (manual, bulk, cohort, share_link) or the cohort was counted
  -- (cohort_created, cohort_first_use).
  source text check (source in ('manual', 'bulk', 'cohort', 'share_link', 'cohort_created', 'cohort_first_use')),
  -- The allotment's columns after the movement (copied from its row, whose constraints hold them).
  allocated integer not null,
  invited integer not null,
  used integer not null,
  unexpired integer not null,
  expired integer not null,
  foreign key (organization_id, assessment_id) references allotments (organization_id, assessment_id),
  check ((kind = 'reservation') = (source is not null))
);
create index allotment_entries_allotment_idx on allotment_entries (organization_id, assessment_id, id);
-- A single response's reservation is written before the response row exists (same transaction):
-- the reference is checked at commit.
alter table allotment_entries add foreign key (response_id) references responses(id) deferrable initially deferred;

-- Backfill: the movements of the data that exists, rebuilt from the facts the columns count
-- (allocations, refunds and disputes that took units, counted cohorts, counted responses grouped by
-- the statement that created them, completions, expiries), in time order, with the columns after
-- each as running sums. Who did it comes from the same records the audit trail keeps.
with reservations as (
  select r.organization_id, r.assessment_id, r.created_at, r.cohort_id, r.job_id, r.source,
         count(*)::int as units, min(r.id::text) as first_id
  from responses r where r.counted
  group by r.organization_id, r.assessment_id, r.created_at, r.cohort_id, r.job_id, r.source
),
facts as (
  select a.organization_id, a.assessment_id, a.allocated_at as at, 1 as ord, 'allocation' as kind, a.units,
         case when p.payment_method = 'manual' then coalesce('user:' || p.created_by, 'system') else 'workflow:purchase-' || p.id end as actor,
         p.id as purchase_id, null::uuid as response_id, null::uuid as cohort_id, null::uuid as job_id, null::text as source,
         a.units as d_allocated, 0 as d_invited, 0 as d_used, 0 as d_unexpired, 0 as d_expired, p.id::text as tie
  from allocations a join purchases p on p.id = a.purchase_id
  union all
  -- A cohort made before its organization was metered was counted at its first metered use (audited then).
  select c.organization_id, c.assessment_id, coalesce(u.at, c.created_at), 2, 'reservation', 1, coalesce(u.actor, 'user:' || c.created_by, 'system'),
         null, null, c.id, null, case when u.at is null then 'cohort_created' else 'cohort_first_use' end, 0, 1, 1, 0, 0, c.id::text
  from cohorts c
  left join lateral (select e.at, e.actor from audit_events e
                     where e.entity = 'cohort' and e.entity_id = c.id::text and e.action = 'count' order by e.id limit 1) u on true
  where c.counted
  union all
  select v.organization_id, v.assessment_id, v.created_at, 3, 'reservation', v.units,
         coalesce((select 'user:' || j.created_by from jobs j where j.id = v.job_id and j.created_by is not null),
                  (select e.actor from audit_events e where e.entity = 'response' and e.entity_id = v.first_id and e.action = 'create' order by e.id limit 1),
                  'system'),
         null, case when v.units = 1 then v.first_id::uuid end, v.cohort_id, v.job_id, v.source, 0, v.units, 0, v.units, 0, v.first_id
  from reservations v
  union all
  select r.organization_id, r.assessment_id, r.completed_at, 4, 'completion', 1, 'workflow:response-' || r.id,
         null, r.id, r.cohort_id, null, null, 0, 0, 1, -1, 0, r.id::text
  from responses r where r.counted and r.status = 'completed'
  union all
  select r.organization_id, r.assessment_id, r.expired_at, 4, 'expiry', 1, 'workflow:response-' || r.id,
         null, r.id, r.cohort_id, null, null, 0, 0, 0, -1, 1, r.id::text
  from responses r where r.counted and r.status = 'expired'
  union all
  select p.organization_id, p.assessment_id, v.recorded_at, 5, v.kind, v.taken, 'stripe:' || v.stripe_event_id,
         p.id, null, null, null, null, -v.taken, 0, 0, 0, 0, v.id::text
  from purchase_reversals v join purchases p on p.id = v.purchase_id where v.taken > 0
),
running as (
  select f.*,
         sum(d_allocated) over w as allocated, sum(d_invited) over w as invited, sum(d_used) over w as used,
         sum(d_unexpired) over w as unexpired, sum(d_expired) over w as expired
  from facts f
  window w as (partition by organization_id, assessment_id order by at, ord, tie rows unbounded preceding)
)
insert into allotment_entries (organization_id, assessment_id, at, kind, units, actor, purchase_id, response_id, cohort_id, job_id, source,
                               allocated, invited, used, unexpired, expired)
select organization_id, assessment_id, at, kind, units, actor, purchase_id, response_id, cohort_id, job_id, source,
       allocated, invited, used, unexpired, expired
from running order by at, ord, tie;

-- 3. The orders the lists read in (newest first, unless the list says otherwise).
create index responses_created_idx on responses (created_at, id);
-- Responses are listed (and exported) per assessment or per organization most of the time.
create index responses_assessment_created_idx on responses (assessment_id, created_at, id);
create index responses_organization_created_idx on responses (organization_id, created_at, id);
create index purchases_created_idx on purchases (created_at, id);
create index cohorts_assessment_idx on cohorts (assessment_id, created_at, id);
create index share_links_assessment_idx on share_links (assessment_id, created_at, id);
create index price_lists_assessment_idx on price_lists (assessment_id, created_at, id);
create index sale_keys_issued_idx on sale_keys (issued_at, id);
create index sale_keys_email_idx on sale_keys (lower(user_email));
create index contracts_aggregator_idx on contracts (aggregator_id, started_at, id) where aggregator_id is not null;
