import type { ConsentManager } from '../core/consent-manager.js';
import type { ConsentConfig } from '../schema/config.js';
import { CONSENT_MODE_SIGNALS, type ConsentModeSignal } from '../shared/consent-mode-signals.js';

/** The page globals Google tags read: the `dataLayer` queue and, when the page defined it, `gtag`. */
export interface GoogleTagGlobals {
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
}

/**
 * The purposes a signal follows when the mapping leaves it out: the services that are Google's own tag for
 * it (made of the `ga4` preset for `analytics_storage`, of `google-ads` for the `ad_*` signals) where the
 * config has them, so that allowing another service of the category does not grant Google; else the category
 * (`analytics`, `marketing`).
 */
export function defaultPurposes(config: ConsentConfig, signal: ConsentModeSignal): string[] {
  const [category, preset] = signal === 'analytics_storage' ? ['analytics', 'ga4'] : ['marketing', 'google-ads'];
  const services = config.categories.flatMap((c) =>
    c.services.filter((s) => s.presets.includes(preset as never)).map((s) => `${c.id}/${s.id}`),
  );
  return services.length > 0 ? services : [category!];
}

/**
 * Whether the page gets Consent Mode commands: `consentMode.enabled`, where `auto` means a service is made
 * of the `ga4` preset or the page already has `dataLayer` or `gtag`.
 */
export function usesConsentMode(consent: ConsentManager, page: GoogleTagGlobals): boolean {
  const { enabled } = consent.config.consentMode;
  if (enabled !== 'auto') return enabled;
  return (
    consent.config.categories.some((c) => c.services.some((s) => s.presets.includes('ga4'))) ||
    'dataLayer' in page ||
    typeof page.gtag === 'function'
  );
}

/**
 * Google Consent Mode v2: pushes `consent default` with every signal `denied` (and `wait_for_update`) now,
 * which must happen before any Google tag runs, then `consent update` for the decision in force and after
 * every change. A signal is `granted` only while all its categories and services are. Commands go through the page's
 * `gtag` when it has one, else onto `dataLayer` in the shape `gtag()` pushes (an `arguments` object).
 * Returns the function that stops the updates.
 */
export function followConsentMode(consent: ConsentManager, page: GoogleTagGlobals): () => void {
  const signals = (isGranted: (signal: ConsentModeSignal) => boolean) =>
    Object.fromEntries(CONSENT_MODE_SIGNALS.map((s) => [s, isGranted(s) ? 'granted' : 'denied']));
  const { mapping, waitForUpdate } = consent.config.consentMode;
  const updateCommand = () => [
    'consent',
    'update',
    signals((s) => (mapping[s] ?? defaultPurposes(consent.config, s)).every((id) => consent.has(id))),
  ];
  putFirst(page, [
    ['consent', 'default', { ...signals(() => false), wait_for_update: waitForUpdate }],
    ...(consent.hasDecision ? [updateCommand()] : []),
  ]);
  return consent.on('change', () => gtag(page, ...updateCommand()));
}

function gtag(page: GoogleTagGlobals, ...command: unknown[]): void {
  if (typeof page.gtag === 'function') page.gtag(...command);
  else (page.dataLayer ??= []).push(commandOf(...command));
}

/**
 * `consent default` (and the update for a stored decision) must come before every command Google's tag reads.
 * A page whose config is validated in the page may already have queued `gtag('js')` and `gtag('config')` by
 * now; while gtag.js has not taken the queue over (it replaces `dataLayer.push`), the queue is a plain array
 * and these can still go first.
 */
function putFirst(page: GoogleTagGlobals, commands: unknown[][]): void {
  const queue = page.dataLayer;
  if (Array.isArray(queue) && queue.length > 0 && queue.push === Array.prototype.push) {
    queue.unshift(...commands.map((command) => commandOf(...command)));
  } else {
    for (const command of commands) gtag(page, ...command);
  }
}

/** A command in the shape the `gtag()` snippet pushes: gtag.js reads `arguments` objects, not arrays. */
function commandOf(..._command: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: the one object gtag.js accepts as a command is an `arguments` object.
  return arguments;
}
