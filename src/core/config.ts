import * as z from 'zod/mini';
import { ConfigSchema, type ConsentConfig } from '../schema/config.js';
import { describeIssue, formatIssues } from '../schema/describe-issue.js';
import { ConsentConfigError } from './errors.js';

/**
 * Validates a site's configuration and fills in every default.
 * Throws a {@link ConsentConfigError} listing each bad field (`categories[1].id: …`) and what it expects.
 */
export function parseConfig(input: unknown): ConsentConfig {
  const result = z.safeParse(ConfigSchema, input, { error: describeIssue });
  if (!result.success) throw new ConsentConfigError('invalid-config', formatIssues(result.error.issues));
  return result.data;
}

/** Like {@link parseConfig}, for the JSON text of a `<script type="application/json" data-consent-kit>` tag. */
export function parseConfigJson(text: string): ConsentConfig {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ConsentConfigError('invalid-json', [
      `(root): the config tag does not hold valid JSON (${(error as Error).message}); check quotes and commas`,
    ]);
  }
  return parseConfig(input);
}

/** The config of a page whose own config could not be used: one required category, so nothing optional runs. */
export function failClosedConfig(): ConsentConfig {
  return parseConfig({ policy: { version: '0', url: '/' }, categories: [{ id: 'necessary', required: true }] });
}
