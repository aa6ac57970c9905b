import type { ConsentConfig } from '../schema/config.js';
import type { ConsentChoices } from './consent-types.js';
import { DEV_MODE } from './dev-mode.js';
import { ConsentUsageError } from './errors.js';
import { purposeIds } from '../shared/purpose-ids.js';
import { findPurpose } from './purposes.js';

/**
 * Checks choices for `update()` before anything changes: every category, service, channel and topic must be the
 * config's, every value a boolean, no required category switched off, and nothing that needs the age
 * confirmation switched on without it (`wasOldEnough`: the decision in force has it). Throws a
 * {@link ConsentUsageError} naming the first problem.
 */
export function validateChoices(choices: ConsentChoices, config: ConsentConfig, wasOldEnough: boolean): void {
  const categoryOf = (id: string) => config.categories.find((c) => c.id === id);
  for (const [id, value] of Object.entries(choices.categories ?? {})) {
    const category = categoryOf(id);
    if (!category)
      throw unknownId(
        'category',
        id,
        config.categories.filter((c) => !c.required).map((c) => c.id),
      );
    assertBoolean(value, `categories.${id}`);
    if (category.required && value === false) throw requiredOff(id);
  }
  validateServices(choices, config);
  for (const [channel, topics] of Object.entries(choices.contact ?? {})) {
    if (!config.contact.channels.some((c) => c.id === channel)) {
      throw unknownId(
        'contact channel',
        channel,
        config.contact.channels.map((c) => c.id),
      );
    }
    for (const [topic, value] of Object.entries(topics ?? {})) {
      if (!config.contact.topics.some((t) => t.id === topic)) {
        throw unknownId(
          'contact topic',
          topic,
          config.contact.topics.map((t) => t.id),
        );
      }
      assertBoolean(value, `contact.${channel}.${topic}`);
    }
  }
  if (choices.ageConfirmed !== undefined) assertBoolean(choices.ageConfirmed, 'ageConfirmed');
  const isOldEnough = choices.ageConfirmed ?? wasOldEnough;
  const needsAge =
    Object.entries(choices.categories ?? {}).some(([id, on]) => on && categoryOf(id)?.separate) ||
    Object.entries(choices.services ?? {}).some(
      ([id, services]) => categoryOf(id)?.separate && Object.values(services ?? {}).some(Boolean),
    ) ||
    Object.values(choices.contact ?? {}).some((topics) => Object.values(topics ?? {}).some(Boolean));
  if (needsAge && config.minimumAge > 0 && !isOldEnough) {
    throw new ConsentUsageError(
      'age-not-confirmed',
      // Kept in every build: it states the privacy statement's rule on minors, which the page may show.
      `consent-kit: marketing contact and separate consent need the visitor to confirm being ${config.minimumAge} or older, or having a guardian's consent; pass ageConfirmed: true with the choices once they have`,
    );
  }
}

/** The error for an id the config does not have, listing the ones it has. */
export function unknownId(kind: string, id: string, known: string[]): ConsentUsageError {
  return new ConsentUsageError(
    `unknown-${kind.replace(' ', '-')}`,
    DEV_MODE ? `consent-kit: unknown ${kind} "${id}"; the config has: ${known.join(', ') || '(none)'}` : '',
  );
}

/** The `services` part of {@link validateChoices}: each one the config's, each value a boolean. */
function validateServices(choices: ConsentChoices, config: ConsentConfig): void {
  for (const [id, services] of Object.entries(choices.services ?? {})) {
    for (const [service, value] of Object.entries(services ?? {})) {
      const found = findPurpose(config, `${id}/${service}`);
      if (!found?.service) throw unknownId('service', `${id}/${service}`, purposeIds(config.categories));
      assertBoolean(value, `services.${id}.${service}`);
      if (found.category.required && value === false) throw requiredOff(id);
    }
  }
}

function requiredOff(id: string): ConsentUsageError {
  return new ConsentUsageError(
    'required-category',
    DEV_MODE ? `consent-kit: "${id}" is a required category and is always on; leave it out of update()` : '',
  );
}

function assertBoolean(value: unknown, path: string): void {
  if (typeof value !== 'boolean') {
    throw new ConsentUsageError(
      'invalid-choice',
      DEV_MODE ? `consent-kit: ${path} must be true or false, got ${JSON.stringify(value)}` : '',
    );
  }
}
