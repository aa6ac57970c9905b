import * as z from 'zod/mini';
import { PutConsentBodySchema, type PutConsentBody } from '../schema/api.js';
import type { ConsentRecord } from '../schema/consent-record.js';
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
  const parsed = z.safeParse(PutConsentBodySchema, input, { error: describeIssue });
  if (!parsed.success) {
    return fail(400, 'invalid-body', 'the body does not match the consent API', formatIssues(parsed.error.issues));
  }
  const problems = recordProblems(parsed.data.record, id);
  if (problems.length > 0) return fail(400, 'invalid-body', 'the record is inconsistent', problems);
  return parsed.data;
}

/** What the schema cannot see: the record must be the one the URL names, and time only moves forward. */
function recordProblems(record: ConsentRecord, id: string): string[] {
  const problems: string[] = [];
  if (record.id !== id) problems.push('record.id: expected the same id as in the URL');
  if (Date.parse(record.decidedAt) > Date.parse(record.updatedAt))
    problems.push('record.updatedAt: expected a time at or after decidedAt');
  return problems;
}
