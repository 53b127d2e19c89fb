-- Low-balance alerts, enforced by the allotment row itself (issue 14).
--
-- An allotment may carry a threshold (units; null = off). The row's trigger, which runs inside the
-- very statement that moves the columns and under its row lock, decides whether that statement
-- crossed: from Available above the threshold to at or below it while armed (one alert per
-- crossing; the flag disarms), or from above 0 to 0 (exhausted). It re-arms when Available rises
-- above the threshold again. The statement's RETURNING reads the two `moved_to_*` flags, which
-- describe only the statement that last moved the row; the caller announces the events in the
-- same transaction.
alter table allotments
  add column low_balance_threshold integer check (low_balance_threshold >= 0),
  add column low_balance_armed boolean not null default true,
  add column low_balance_seq integer not null default 0,
  add column moved_to_low boolean not null default false,
  add column moved_to_zero boolean not null default false;

create function allotment_low_balance() returns trigger language plpgsql as $$
declare
  before_available integer := 0;
  after_available integer := new.allocated - new.used - new.unexpired;
begin
  if tg_op = 'UPDATE' then
    before_available := old.allocated - old.used - old.unexpired;
  end if;
  new.moved_to_low := false;
  new.moved_to_zero := false;
  if tg_op = 'UPDATE' and new.low_balance_threshold is distinct from old.low_balance_threshold then
    -- A new threshold arms when Available is above it: setting one below the balance is no crossing.
    new.low_balance_armed := new.low_balance_threshold is null or after_available > new.low_balance_threshold;
    return new;
  end if;
  if new.low_balance_threshold is not null then
    if after_available > new.low_balance_threshold then
      new.low_balance_armed := true;
    elsif new.low_balance_armed and after_available < before_available then
      new.low_balance_armed := false;
      new.low_balance_seq := new.low_balance_seq + 1;
      new.moved_to_low := true;
    end if;
  end if;
  new.moved_to_zero := before_available > 0 and after_available = 0;
  return new;
end $$;

create trigger allotment_low_balance before insert or update on allotments
  for each row execute function allotment_low_balance();

-- Low-balance alerts waiting for their mail workflow: written with the allotment.low_balance event,
-- taken by the workers' drain, which starts `low-balance-<organization>-<assessment>-<seq>`.
create table low_balance_handoffs (
  event_id uuid primary key references events(id),
  organization_id uuid not null references organizations(id),
  assessment_id uuid not null references assessments(id),
  seq integer not null,
  created_at timestamptz not null default clock_timestamp(),
  unique (organization_id, assessment_id, seq)
);
