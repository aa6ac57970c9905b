import * as z from 'zod/mini';
import { PutConsentBodySchema, type PutConsentBody } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
import { SLUG_HINT } from '../schema/config-fields.js';
import { describeIssue, formatIssues } from '../schema/describe-issue.js';
import { fail } from './answers.js';

/**
 * The body of `PUT /v1/consents/:id` checked with the schema the browser uses, or the 400 that names what is
 * wrong: not JSON, not the API's shape, or a record that does not hold together with the URL.
 */
export function putBodyOf(text: string, id: string): PutConsentBody | Response {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail(400, 'invalid-json', 'the body is not valid JSON', ['(root): expected a JSON object']);
  }
  const parsed = z.safeParse(PutConsentBodySchema, input, { error: describeBodyIssue });
  if (!parsed.success) {
    return fail(400, 'invalid-body', 'the body does not match the consent API', formatIssues(parsed.error.issues));
  }
  const problems = recordProblems(parsed.data.record, id);
  if (problems.length > 0) return fail(400, 'invalid-body', 'the record is inconsistent', problems);
  return parsed.data;
}

/**
 * Every key of a body's maps is an id (a category, service, contact channel or topic), so a key of the wrong
 * shape is told what an id looks like; the browser's bundles are spared the words.
 */
const describeBodyIssue: typeof describeIssue = (issue) =>
  issue.code === 'invalid_key' ? `invalid key: expected ${SLUG_HINT}` : describeIssue(issue);

/**
 * What the schema cannot see: the record must be the one the URL names, time only moves forward, and only a
 * category granted in part lists its services (so that a receipt never has two answers for one service).
 */
function recordProblems(record: ConsentRecord, id: string): string[] {
  const problems: string[] = [];
  if (record.id !== id) problems.push('record.id: expected the same id as in the URL');
  if (Date.parse(record.decidedAt) > Date.parse(record.updatedAt))
    problems.push('record.updatedAt: expected a time at or after decidedAt');
  for (const [category, services] of Object.entries(record.services ?? {})) {
    const states = Object.values(services);
    if (record.categories[category] !== false || !states.includes(true) || !states.includes(false)) {
      problems.push(
        `record.services.${category}: expected only a category granted in part (categories.${category} false, ` +
          'some of its services true and some false); a category granted or denied whole lists no services',
      );
    }
  }
  return problems;
}
