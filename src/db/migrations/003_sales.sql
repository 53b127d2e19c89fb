-- Reseller sales of subscription plans: distributions catalog, sales with their lines, comment
-- thread, customer contacts/users, and licence keys. The database guards the invariants itself.

create table distributions (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  key_length_days integer not null default 180 check (key_length_days between 1 and 3650),
  sales_types text[] not null default '{per_user}'
    check (cardinality(sales_types) > 0 and sales_types <@ array['per_user']),
  created_at timestamptz not null default now()
);

create table distribution_prices (
  distribution_id uuid not null references distributions(id) on delete cascade,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  unit_amount bigint not null check (unit_amount >= 0),
  primary key (distribution_id, currency)
);

create table sales (
  id uuid primary key default gen_random_uuid(),
  -- The customer organization the subscription plan is sold to.
  organization_id uuid not null references organizations(id),
  registered_by uuid not null references users(id),
  name text not null check (length(trim(name)) > 0),
  status text not null default 'pending_approval'
    check (status in ('pending_approval', 'approved', 'active', 'rejected', 'cancelled')),
  customer_po_number text,
  order_number text,
  billed text not null check (length(trim(billed)) > 0),
  activation_date date not null,
  -- Never settable: always the activation date plus 365 calendar days (2027-03-01 → 2028-02-29).
  cancellation_date date generated always as (activation_date + 365) stored,
  decided_by uuid references users(id),
  decided_at timestamptz,
  rejection_reason text,
  activated_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'rejected') = (rejection_reason is not null)),
  check (status = 'pending_approval' or decided_at is not null)
);
create index sales_organization_idx on sales (organization_id, id);
create index sales_status_idx on sales (status, id);

-- The lifecycle only moves forward, and the activation date freezes once the sale is active.
create function sales_guard() returns trigger language plpgsql as $$
begin
  if new.status <> old.status and not (
       (old.status = 'pending_approval' and new.status in ('approved', 'rejected'))
    or (old.status = 'approved' and new.status = 'active')
    or (old.status = 'active' and new.status = 'cancelled')) then
    raise exception 'sale % cannot move from % to %', old.id, old.status, new.status using errcode = 'check_violation';
  end if;
  if new.activation_date <> old.activation_date and old.status not in ('pending_approval', 'approved') then
    raise exception 'the activation date of sale % is frozen once it is %', old.id, old.status using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger sales_guard before update on sales for each row execute function sales_guard();

create table sale_distributions (
  id uuid primary key default gen_random_uuid(),
  sale_id uuid not null references sales(id) on delete cascade,
  position integer not null,
  distribution_id uuid not null references distributions(id),
  sales_type text not null check (sales_type = 'per_user'),
  number_of_users integer not null check (number_of_users > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  unit_amount bigint not null check (unit_amount >= 0),
  sales_amount bigint not null,
  -- Taken from the catalog at registration so a later catalog edit cannot change a sold plan.
  key_length_days integer not null check (key_length_days > 0),
  seats_used integer not null default 0,
  check (sales_amount = unit_amount * number_of_users),
  check (seats_used >= 0 and seats_used <= number_of_users),
  unique (sale_id, distribution_id),
  unique (sale_id, position)
);

create function sale_distributions_guard() returns trigger language plpgsql as $$
begin
  if new.number_of_users <> old.number_of_users or new.unit_amount <> old.unit_amount
     or new.currency <> old.currency or new.distribution_id <> old.distribution_id then
    raise exception 'the distributions of a registered sale cannot change' using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger sale_distributions_guard before update on sale_distributions
  for each row execute function sale_distributions_guard();

create table sale_comments (
  id uuid primary key default gen_random_uuid(),
  sale_id uuid not null references sales(id) on delete cascade,
  author_id uuid not null references users(id),
  text text not null check (length(trim(text)) > 0),
  created_at timestamptz not null default clock_timestamp()
);
create index sale_comments_sale_idx on sale_comments (sale_id, created_at, id);

-- People of the customer organization entered while registering a sale. Contacts and users are
-- different lists of the same shape; one definition creates both (the same tables, constraint and
-- index names a table-by-table definition gives, so databases created either way are identical).
do $$
declare t text;
begin
  foreach t in array array['customer_contacts', 'customer_users'] loop
    execute format($ddl$
      create table %1$I (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations(id),
        sale_id uuid references sales(id) on delete set null,
        name text not null,
        email text not null,
        created_at timestamptz not null default now()
      );
      create unique index %2$I on %1$I (organization_id, lower(email))
    $ddl$, t, t || '_email_idx');
  end loop;
end $$;

create table sale_keys (
  id uuid primary key default gen_random_uuid(),
  sale_id uuid not null references sales(id) on delete cascade,
  sale_distribution_id uuid not null references sale_distributions(id) on delete cascade,
  key text not null unique check (length(key) >= 32),
  user_email text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  -- The sale's cancellation instant, copied at issue (the date is frozen while keys exist):
  -- no key outlives the sale.
  sale_ends_at timestamptz not null,
  renewals integer not null default 0 check (renewals >= 0),
  renewed_at timestamptz,
  revoked_at timestamptz,
  check (issued_at < expires_at and expires_at <= sale_ends_at)
);
create unique index sale_keys_user_idx on sale_keys (sale_distribution_id, lower(user_email));
create index sale_keys_due_idx on sale_keys (sale_id, expires_at) where revoked_at is null;
