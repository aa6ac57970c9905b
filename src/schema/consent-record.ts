import * as z from 'zod/mini';
import { POLICY_VERSION, SLUG } from '../shared/patterns.js';
import {
  CONSENT_METHODS,
  MAX_CATEGORIES,
  MAX_CONTACT_CHANNELS,
  MAX_CONTACT_TOPICS,
  MAX_SERVICES,
  MAX_SERVICES_PER_CATEGORY,
  RECORD_ID,
} from '../shared/record-fields.js';

export { CONSENT_METHODS, RECORD_ID, type ConsentMethod } from '../shared/record-fields.js';

const slug = z.string().check(z.regex(SLUG));
const timestamp = z.iso.datetime();
/** A map of at most `max` entries, so a record (and every receipt of it) stays small. */
const atMost = (max: number, what: string) =>
  z.refine((map: unknown) => Object.keys(map as object).length <= max, `expected at most ${max} ${what}`);

/** One visitor's decision, as stored in the cookie and sent to the preferences endpoint. */
export const ConsentRecordSchema = z.strictObject({
  id: z.string().check(z.regex(RECORD_ID, 'expected a random UUID (version 4)')),
  policyVersion: z.string().check(z.regex(POLICY_VERSION)),
  /** Each optional category the visitor was asked about: granted or not. Required ones are implied. */
  categories: z.record(slug, z.boolean()).check(atMost(MAX_CATEGORIES, 'categories')),
  /** Marketing contact, channel then topic: `contact.email.offers`. Absent means not chosen, i.e. off. */
  contact: z
    .record(slug, z.record(slug, z.boolean()).check(atMost(MAX_CONTACT_TOPICS, 'topics')))
    .check(atMost(MAX_CONTACT_CHANNELS, 'channels')),
  /**
   * Each service of a category the visitor granted in part, category then service: `services.analytics.clarity`.
   * A category granted or denied as a whole has no entry here: its services follow `categories`.
   */
  services: z.optional(
    z
      .record(slug, z.record(slug, z.boolean()).check(atMost(MAX_SERVICES_PER_CATEGORY, 'services in a category')))
      .check(
        atMost(MAX_CATEGORIES, 'categories'),
        z.refine(
          (map) => Object.values(map).reduce((sum, services) => sum + Object.keys(services).length, 0) <= MAX_SERVICES,
          `expected at most ${MAX_SERVICES} services in all`,
        ),
      ),
  ),
  method: z.enum(CONSENT_METHODS),
  /**
   * The visitor confirmed being of the configured minimum age, or having a guardian's consent; needed before
   * marketing contact or a separate-consent purpose can be on. Absent means not confirmed.
   */
  ageConfirmed: z.optional(z.boolean()),
  /** When the visitor first decided (ISO 8601, UTC). */
  decidedAt: timestamp,
  /** When this revision was made. */
  updatedAt: timestamp,
  /** Increases by one with every saved change; the endpoint only accepts it moving forward. */
  revision: z.number().check(z.int(), z.gte(1)),
});

export type ConsentRecord = z.output<typeof ConsentRecordSchema>;
export type ContactChoices = ConsentRecord['contact'];
export type ServiceChoices = NonNullable<ConsentRecord['services']>;
