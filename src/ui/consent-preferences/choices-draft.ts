import { choiceGrid } from '../../core/choice-grid.js';
import type { ConsentChoices, ConsentManager } from '../../core/consent-manager.js';
import { isGranted } from '../../core/purposes.js';
import type { CategoryConfig } from '../../schema/config.js';

/**
 * What the panel's switches show before the visitor saves: every optional choice, explicitly. A category with
 * services has each of them in `services`, and its own value is whether they are all on.
 */
export type ChoicesDraft = Required<ConsentChoices>;

/** Runs a change to the draft, then has the panel redraw: what a switch calls when it is flipped. */
export type ToggleDraft = (change: () => void) => void;

/** The draft for the decision in force, with everything off when there is none (nothing is pre-ticked). */
export function draftFrom(manager: ConsentManager): ChoicesDraft {
  const { config, state } = manager;
  const granted = (category: string, service?: string) => state !== null && isGranted(state, category, service);
  const { categories, contact } = choiceGrid(
    config,
    (c, s) => granted(c.id, s?.id),
    (channel, topic) => state?.contact[channel]?.[topic] === true,
  );
  // Every service explicitly, so that each switch has its own value to flip.
  const services = Object.fromEntries(
    config.categories
      .filter((c) => !c.required && c.services.length > 0)
      .map((c) => [c.id, Object.fromEntries(c.services.map((s) => [s.id, granted(c.id, s.id)]))]),
  );
  return { categories, services, contact, ageConfirmed: state?.ageConfirmed === true };
}

/** Whether `category` is on in the draft: `'mixed'` when some of its services are on and some are off. */
export function categoryState(draft: ChoicesDraft, category: CategoryConfig): boolean | 'mixed' {
  const services = Object.values(draft.services[category.id] ?? {});
  if (services.length === 0) return draft.categories[category.id] === true;
  return services.every(Boolean) ? true : services.some(Boolean) ? 'mixed' : false;
}

/**
 * Turns `category` and every one of its services on or off. All of them: saving the draft applies a
 * service's own value after its category's, so a service left as it was would undo the category's switch.
 */
export function setCategory(draft: ChoicesDraft, category: CategoryConfig, isOn: boolean): void {
  draft.categories[category.id] = isOn;
  const services = draft.services[category.id];
  if (services) for (const id of Object.keys(services)) services[id] = isOn;
}

/** Turns one service of `category` on or off; the category is on while all its services are. */
export function setService(draft: ChoicesDraft, category: CategoryConfig, serviceId: string, isOn: boolean): void {
  const services = (draft.services[category.id] ??= {});
  services[serviceId] = isOn;
  draft.categories[category.id] = Object.values(services).every(Boolean);
}

/** A key that changes whenever the decision in force does, so the draft follows decisions made elsewhere. */
export function decisionKey(manager: ConsentManager): string {
  const state = manager.state;
  return state ? `${state.id}:${state.revision}:${state.updatedAt}` : 'none';
}

/** Mirrors the core rule in the draft: without the age confirmation, contact and separate consent are off. */
export function withdrawWhatNeedsAge(manager: ConsentManager, draft: ChoicesDraft): void {
  for (const c of manager.config.categories) if (c.separate) setCategory(draft, c, false);
  for (const topics of Object.values(draft.contact)) for (const topic of Object.keys(topics)) topics[topic] = false;
}
