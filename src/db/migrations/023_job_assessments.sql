-- A bulk invitation's job belongs to one assessment: managers see it only if they are linked to
-- that assessment, as they see its responses (GET /v1/jobs/{id} was scoped by organization only).
alter table jobs add column assessment_id uuid references assessments(id);

update jobs j set assessment_id = (select r.assessment_id from responses r where r.job_id = j.id limit 1)
where j.kind = 'bulk_invite' and j.assessment_id is null;
