import type * as z from 'zod/mini';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Error map for every parse of a config, cookie or request body: zod/mini ships no message texts, so each
 * issue gets one here that says what was expected, in words a site owner can act on.
 * Messages given on a schema itself (`z.regex(re, '…')`) take precedence over these.
 */
export function describeIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required: expected ${issue.expected}`
        : `expected ${issue.expected}, received ${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it or check the spelling`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least' : '≥'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'at most' : '≤'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `expected a valid ${issue.format}`;
    case 'invalid_key':
      return 'invalid key';
    default:
      return 'invalid value';
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** `categories[1].hosts[0]`: the way a site owner would point at the field in their JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || '(root)';
}

/** One line per issue: `path: message`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}
