/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { FormProblem } from '../forms';
import { FilterForm, Select } from '../components';
import { isChosen, roomUrl, ROOT, type Choice } from './choice';

/** The room's three screens for the chosen assessment and organization. */
const TABS = [
  { path: '', label: 'Responses' },
  { path: '/share-links', label: 'Share links' },
  { path: '/cohorts', label: 'Cohorts' },
];

/**
 * Picks the assessment (and, for an admin, the organization) a screen works on: a plain GET form,
 * so the choice is in the URL and can be bookmarked. Below it, the room's screens for that choice.
 */
export const Picker = (p: { choice: Choice; path: string }) => {
  const { choice } = p;
  return (
    <>
      <FilterForm action={`${ROOT}${p.path}`} submit="Show">
        <Select
          name="assessmentId"
          label="Assessment"
          value={choice.assessment?.id}
          options={[{ value: '', label: 'Choose an assessment' }, ...choice.assessments.map((a) => ({ value: a.id, label: a.name }))]}
        />
        {choice.organizations && (
          <Select
            name="organizationId"
            label="Organization"
            value={choice.organizationId}
            options={[{ value: '', label: 'Choose an organization' }, ...choice.organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
        )}
      </FilterForm>
      {isChosen(choice) && (
        <nav aria-label="Responses screens">
          <ul class="steps room-tabs">
            {TABS.map((t) => (
              <li>
                <a href={roomUrl(choice, t.path)} aria-current={t.path === p.path ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!isChosen(choice) && (
        <p>
          {choice.assessments.length === 0
            ? 'You are not linked to any assessment yet: ask an administrator to link you.'
            : choice.organizations
              ? 'Choose an assessment and an organization.'
              : 'Choose an assessment.'}
        </p>
      )}
    </>
  );
};

/** A checkbox with its label (the API's boolean fields). */
export const Checkbox = (p: { name: string; label: string; checked: boolean; hint?: string }) => (
  <div class="field check">
    <label>
      <input type="checkbox" name={p.name} value="true" checked={p.checked} /> {p.label}
    </label>
    {p.hint && <small class="hint">{p.hint}</small>}
  </div>
);

/**
 * The problem's messages that belong to no field of the form (a CSV's lines, a list's entries),
 * each with where it is, under the alert.
 */
export const ProblemList = (p: { problem?: FormProblem; except?: string[]; label: string; where?: (path: string) => string }) => {
  const entries = Object.entries(p.problem?.fields ?? {}).filter(([k]) => !(p.except ?? []).includes(k));
  if (entries.length === 0) return null;
  return (
    <ul class="problem-list" aria-label={p.label}>
      {entries.map(([where, message]) => (
        <li>
          <strong>{p.where ? p.where(where) : where}</strong>: {message}
        </li>
      ))}
    </ul>
  );
};

/** A section of a screen with its heading. */
export const Section = (p: { id: string; title: string; children?: Child }) => (
  <section id={p.id} aria-labelledby={`${p.id}-title`}>
    <h2 id={`${p.id}-title`}>{p.title}</h2>
    {p.children}
  </section>
);
