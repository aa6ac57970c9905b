import Cookies from 'js-cookie';
import { createCookieStore } from '../browser/cookie-store.js';
import type { ConsentConfig } from '../schema/config.js';
import { createLocalStorageStore } from './local-storage-store.js';
import { Outbox } from './outbox.js';
import type { OutboxShelf } from './tab-outboxes.js';

/** The names under `prefix`: the prefix itself (the shared outbox) and `prefix.<tab>`. */
const isUnder = (prefix: string) => (name: string) => name === prefix || name.startsWith(`${prefix}.`);

/** Outboxes as localStorage keys, or `undefined` where localStorage is missing or refuses writes. */
export function localStorageShelf(prefix: string): OutboxShelf | undefined {
  if (!createLocalStorageStore(prefix)) return undefined;
  return {
    prefix,
    names: () => {
      try {
        return Object.keys(localStorage).filter(isUnder(prefix));
      } catch {
        return [];
      }
    },
    open: (name) => new Outbox(createLocalStorageStore(name)!),
  };
}

/** Outboxes as cookies beside the consent cookie, each kept under `capacity` characters of JSON. */
export function cookieShelf(settings: ConsentConfig['cookie'], capacity: number): OutboxShelf {
  const prefix = `${settings.name}-outbox`;
  return {
    prefix,
    names: () => {
      try {
        return Object.keys(Cookies.get()).filter(isUnder(prefix));
      } catch {
        return [];
      }
    },
    open: (name) => new Outbox(createCookieStore({ ...settings, name }), capacity),
  };
}
