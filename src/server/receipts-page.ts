import { RECEIPTS_PAGE_DEFAULT, RECEIPTS_PAGE_MAX } from '../schema/api.js';

/** Which page of a record's receipts to answer: those after the cursor `after` (none: from the first), at most `limit`. */
export interface ReceiptsPage {
  after?: number;
  limit: number;
}

const CURSOR = /^[1-9][0-9]{0,14}$/;

/**
 * The page a receipts request asks for, from its `limit` and `after` query parameters, or the problems to
 * answer `400` with, each naming the parameter and what it must be.
 */
export function receiptsPageOf(
  limit: string | undefined,
  after: string | undefined,
  max = RECEIPTS_PAGE_MAX,
): ReceiptsPage | string[] {
  const problems: string[] = [];
  const size = limit === undefined ? Math.min(RECEIPTS_PAGE_DEFAULT, max) : Number(limit);
  if (!/^[0-9]{1,4}$/.test(limit ?? '1') || !Number.isInteger(size) || size < 1 || size > max) {
    problems.push(`limit: expected a whole number from 1 to ${max}`);
  }
  if (after !== undefined && !CURSOR.test(after))
    problems.push('after: expected the "next" value of the previous page');
  if (problems.length > 0) return problems;
  return after === undefined ? { limit: size } : { after: Number(after), limit: size };
}
