import type * as z from 'zod/mini';
import {
  BUILT_IN_LOCALES,
  KNOWN_CATEGORY_IDS,
  KNOWN_CONTACT_CHANNELS,
  KNOWN_CONTACT_TOPICS,
} from '../shared/config-defaults.js';
import { purposeIds } from '../shared/purpose-ids.js';
import { MAX_SERVICES } from '../shared/record-fields.js';
import type { CategoryConfig } from './category-schema.js';

// The config's rules across fields, which no single field's schema can check. Each names the field to fix.

type RefinementContext = Parameters<Parameters<typeof z.superRefine<unknown>>[0]>[1];
type Path = (string | number)[];

/** The parts of a parsed config these rules read. */
interface ConfigShape {
  categories: CategoryConfig[];
  consentMode: { mapping: Partial<Record<string, string[]>> };
  contact: { channels: { id: string; label?: unknown }[]; topics: { id: string; label?: unknown }[] };
  locales: string[];
  texts: Record<string, unknown>;
}

/** Every cross-field rule of the config, each broken one reported as an issue on its field. */
export function reportConfigRules(config: ConfigShape, ctx: RefinementContext): void {
  reportDuplicates(config.categories, ['categories'], ctx);
  reportMissingLabels(config.categories, KNOWN_CATEGORY_IDS, ['categories'], ctx);
  config.categories.forEach((c, i) => {
    reportCategoryRules(c, ['categories', i], ctx);
  });
  reportServiceCount(config.categories, ctx);
  reportUnknownPurposes(config, ctx);
  reportDuplicates(config.contact.channels, ['contact', 'channels'], ctx);
  reportDuplicates(config.contact.topics, ['contact', 'topics'], ctx);
  reportMissingLabels(config.contact.channels, KNOWN_CONTACT_CHANNELS, ['contact', 'channels'], ctx);
  reportMissingLabels(config.contact.topics, KNOWN_CONTACT_TOPICS, ['contact', 'topics'], ctx);
  config.locales.forEach((locale, i) => {
    if (!(BUILT_IN_LOCALES as readonly string[]).includes(locale) && !config.texts[locale]) {
      issue(
        ctx,
        ['locales', i],
        locale,
        `"${locale}" is not built in (${BUILT_IN_LOCALES.join(', ')}): add its strings under texts["${locale}"] or remove it`,
      );
    }
  });
}

function reportCategoryRules(c: CategoryConfig, path: Path, ctx: RefinementContext): void {
  reportDuplicates(c.services, [...path, 'services'], ctx);
  if (c.required && c.honorGpc) {
    issue(
      ctx,
      [...path, 'honorGpc'],
      c.honorGpc,
      'a required category is always on, so it cannot honour Global Privacy Control: remove "honorGpc" or "required"',
    );
  }
  if (c.separate && c.required) {
    issue(
      ctx,
      [...path, 'separate'],
      c.separate,
      'a required category is always on, so it cannot ask for separate consent: remove "separate" or "required"',
    );
  }
  if (c.separate && c.description === undefined) {
    issue(
      ctx,
      [...path, 'description'],
      undefined,
      `separate consent needs its own notice text: add a "description" to "${c.id}" saying what the visitor agrees to`,
    );
  }
}

function reportServiceCount(categories: CategoryConfig[], ctx: RefinementContext): void {
  const count = categories.reduce((sum, c) => sum + c.services.length, 0);
  if (count > MAX_SERVICES) {
    issue(
      ctx,
      ['categories'],
      count,
      `expected at most ${MAX_SERVICES} services in all, presets included; found ${count}: move some into one service`,
    );
  }
}

function reportUnknownPurposes(config: ConfigShape, ctx: RefinementContext): void {
  const purposes = purposeIds(config.categories);
  for (const [signal, ids] of Object.entries(config.consentMode.mapping)) {
    ids?.forEach((id, i) => {
      if (!purposes.includes(id)) {
        issue(
          ctx,
          ['consentMode', 'mapping', signal, i],
          id,
          `unknown category or service "${id}": expected one of ${purposes.join(', ')}`,
        );
      }
    });
  }
}

function reportDuplicates(items: { id: string }[], path: Path, ctx: RefinementContext): void {
  const ids = items.map((item) => item.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issue(ctx, [...path, i], id, `duplicate id "${id}": each id may appear once`);
  });
}

function reportMissingLabels(
  items: { id: string; label?: unknown }[],
  known: readonly string[],
  path: Path,
  ctx: RefinementContext,
): void {
  items.forEach((item, i) => {
    if (item.label === undefined && !known.includes(item.id)) {
      issue(
        ctx,
        [...path, i, 'label'],
        undefined,
        `"${item.id}" has no built-in label: give it one, e.g. {"id": "${item.id}", "label": …} (built in: ${known.join(', ')})`,
      );
    }
  });
}

function issue(ctx: RefinementContext, path: Path, input: unknown, message: string): void {
  ctx.issues.push({ code: 'custom', input, path, message });
}
