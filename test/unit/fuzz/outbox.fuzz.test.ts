import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../src/sync/outbox.js';
import { OutboxSchema } from '../../../src/schema/outbox.js';
import { record } from '../../fixtures/consent-bodies.js';
import { MemoryStore } from '../../fixtures/memory-environment.js';
import { syncHarness } from '../../fixtures/sync-harness.js';
import {
  FUZZ,
  POLLUTING_KEYS,
  hostileJson,
  hostileJsonText,
  hostileString,
  prototypesAreClean,
} from './hostile-strings.js';

/** A real pending change, as an earlier page load left it. */
const pending = {
  kind: 'put',
  key: 'a'.repeat(32),
  record: record(),
  notice: { language: 'en', policyUrl: 'https://www.example.com/privacy' },
};

/** The pending change with one field replaced by a hostile value, or a hostile key added somewhere in it. */
const editedEntry = fc
  .record({
    path: fc.constantFrom([], ['record'], ['record', 'categories'], ['notice'], ['record', 'contact', 'email']),
    key: fc.oneof(
      fc.constantFrom(...POLLUTING_KEYS),
      fc.constantFrom('kind', 'key', 'analytics', 'marketing', 'revision', 'id'),
    ),
    value: hostileJson,
  })
  .map(({ path, key, value }) => {
    const entry = structuredClone(pending) as Record<string, any>;
    const target = path.reduce((node, step) => node[step], entry);
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    return JSON.stringify([entry]);
  });

function readOutbox(text: string) {
  const storage = new MemoryStore();
  storage.value = text;
  return new Outbox(storage).list();
}

describe('outbox reader under hostile input', () => {
  it('any stored text reads as a list of valid changes (usually none), never throws, pollutes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileJsonText, editedEntry), (text) => {
        const entries = readOutbox(text);
        expect(z.safeParse(OutboxSchema, entries).success).toBe(true);
        expect(prototypesAreClean()).toBe(true);
      }),
      FUZZ,
    );
  });

  it('a category reads as granted only where the stored change says true for it, never by coercion or inheritance', () => {
    fc.assert(
      fc.property(editedEntry, (text) => {
        const stored = JSON.parse(text)[0];
        for (const entry of readOutbox(text)) {
          if (entry.kind !== 'put') continue;
          for (const [id, isGranted] of Object.entries(entry.record.categories)) {
            if (isGranted)
              expect(Object.hasOwn(stored.record.categories, id) && stored.record.categories[id] === true).toBe(true);
          }
        }
      }),
      FUZZ,
    );
  });

  it('a sync client starting over a hostile outbox neither throws nor sends anything invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileJsonText, editedEntry), async (text) => {
        const valid = readOutbox(text);
        const storage = new MemoryStore();
        storage.value = text;
        const h = await syncHarness({ storage });
        await h.client.flush();
        expect(h.calls.map((call) => call.body?.record)).toEqual(
          valid.map((e) => (e.kind === 'put' ? e.record : undefined)),
        );
        expect(h.warnings).toEqual([]); // the endpoint refused nothing: only valid changes left the page
        expect(prototypesAreClean()).toBe(true);
      }),
      { ...FUZZ, numRuns: 60 },
    );
  });
});
