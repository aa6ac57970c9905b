import { PRESETS, type PresetName } from './presets.js';

export { PRESETS } from './presets.js';

/*
 * How presets become services and how lists add up, shared by the config schema and the reader of common
 * configs (core/common-config.ts), which must return exactly what the schema does. The script tag downloads
 * this module, with the preset lists, only for a config that names presets.
 */

type Lists = { hosts: readonly string[]; cookies: readonly string[]; storage: readonly string[] };

/** `own` lists with those of `presets` and `services` added, each name once, in that order. */
export function expandPresets(
  own: Lists,
  presets: readonly PresetName[],
  services: readonly Lists[] = [],
): { hosts: string[]; cookies: string[]; storage: string[] } {
  const sources: Lists[] = [own, ...presets.map((name) => PRESETS[name]), ...services];
  const union = (field: keyof Lists) => [...new Set(sources.flatMap((source) => source[field]))];
  return { hosts: union('hosts'), cookies: union('cookies'), storage: union('storage') };
}

/** A service made of one preset: the preset's name is its id, and the panel shows the preset's label. */
export interface PresetService {
  id: PresetName;
  presets: PresetName[];
  hosts: string[];
  cookies: string[];
  storage: string[];
}

/**
 * A category's services with its presets as services: a service whose id is one of `presets` gets that
 * preset's lists added (so a config can relabel a preset), and every other preset becomes a service of its own
 * (once, however often it is named).
 */
export function withPresetServices<T extends Lists & { id: string; presets: PresetName[] }>(
  services: T[],
  presets: readonly PresetName[],
): (T | PresetService)[] {
  const adopt = (service: T): T =>
    presets.includes(service.id as PresetName) && !service.presets.includes(service.id as PresetName)
      ? { ...service, presets: [...service.presets, service.id], ...expandPresets(service, [service.id as PresetName]) }
      : service;
  const named = new Set(services.map((s) => s.id));
  const fromPresets = [...new Set(presets)]
    .filter((name) => !named.has(name))
    .map((name): PresetService => ({ id: name, presets: [name], ...expandPresets(NOTHING, [name]) }));
  return [...services.map(adopt), ...fromPresets];
}

const NOTHING: Lists = { hosts: [], cookies: [], storage: [] };
