/** @jsxImportSource hono/jsx */
import type { Principal } from '../../../src/domain/principal';
import type { Organization } from '../../../src/platform/organizations';
import { Field } from '../components';
import type { FormProblem } from '../forms';
import { NEW_ORGANIZATION, type Draft } from './draft';
import { StepForm } from './step-form';
import { TextArea } from '../components';

const PEOPLE_HINT = 'One person a line: Name <e-mail address>. Someone already on file for the organization is kept as is.';

/** The organizations to choose from: the search's matches, and the one already chosen. */
const CustomerChoice = (p: { draft: Draft; organizations: Organization[]; searched: boolean; problem?: FormProblem }) => {
  const chosen = p.draft['customer.organizationId'];
  const error = p.problem?.fields['customer'] ?? p.problem?.fields['customer.organizationId'];
  return (
    <fieldset class={error ? 'choice invalid' : 'choice'} aria-describedby={error ? 'customer-error' : undefined}>
      <legend>Customer organization (the organization the sale is for)</legend>
      {error && (
        <small id="customer-error" class="error">
          {error}
        </small>
      )}
      {p.searched && p.organizations.length === 0 && <p>No organization you may sell to matches this search.</p>}
      {p.organizations.map((o) => (
        <div class="radio">
          <input type="radio" id={`org-${o.id}`} name="customer.organizationId" value={o.id} checked={chosen === o.id} />
          <label for={`org-${o.id}`}>
            {o.name} <span class="hint">({o.ltiService ? 'LTI service' : 'no LTI service: cannot buy a subscription plan'})</span>
          </label>
        </div>
      ))}
      <div class="radio">
        <input type="radio" id="org-new" name="customer.organizationId" value={NEW_ORGANIZATION} checked={chosen === NEW_ORGANIZATION} />
        <label for="org-new">A new organization</label>
      </div>
    </fieldset>
  );
};

/**
 * Step 1 (seed 001, "Account and billing information"): search a reseller or customer
 * organization, or create a new one; contacts and users to add to it.
 */
export const AccountStep = (p: { principal: Principal; csrf: string; draft: Draft; organizations: Organization[]; searched: boolean; problem?: FormProblem }) => (
  <StepForm step="account" draft={p.draft} csrf={p.csrf} problem={p.problem} next="Next step">
    <h3>Search an organization</h3>
    <div class="row">
      <Field name="q" label="Organization name" type="search" value={p.draft.q} hint="Any part of the name" />
      <div class="field">
        <button type="submit" name="_go" value="search" class="secondary">
          Search
        </button>
      </div>
    </div>
    <CustomerChoice draft={p.draft} organizations={p.organizations} searched={p.searched} problem={p.problem} />
    <Field
      name="customer.newOrganization.name"
      label="New organization's name"
      value={p.draft['customer.newOrganization.name']}
      hint={
        p.principal.role === 'admin'
          ? 'Only with "A new organization" chosen.'
          : 'Only with "A new organization" chosen. It is created below your organization; an admin gives it the LTI service a subscription plan needs.'
      }
      problem={p.problem}
    />
    {p.principal.role === 'admin' && (
      <div class="field check">
        <input type="checkbox" id="f-ltiService" name="customer.newOrganization.ltiService" checked={p.draft['customer.newOrganization.ltiService'] === 'on'} />
        <label for="f-ltiService">The new organization has the LTI service</label>
      </div>
    )}
    <h3>Contacts and users</h3>
    <TextArea name="customer.contacts" label="New contacts (optional)" value={p.draft['customer.contacts']} hint={PEOPLE_HINT} problem={p.problem} />
    <TextArea name="customer.users" label="New users (optional)" value={p.draft['customer.users']} hint={PEOPLE_HINT} problem={p.problem} />
  </StepForm>
);
