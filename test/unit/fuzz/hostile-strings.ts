import fc from 'fast-check';

/** Keys that pollute `Object.prototype` when a parser copies them naively. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * One fixed seed for every fuzz test, so a failure prints a counterexample that replays the same way. A few
 * hundred cases in `npm test`; `npm run test:soak` (SOAK=1) runs fifty times as many.
 */
export const FUZZ = { seed: 8_2026, numRuns: process.env.SOAK ? 15_000 : 300 } as const;

/** Strings a hostile or broken page might hand the SDK: unicode, control characters, cookie and JSON syntax, huge ones. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({
    unit: fc.constantFrom(
      '~',
      '.',
      '!',
      ':',
      '"',
      '{',
      '}',
      '[',
      ']',
      ',',
      '\\',
      '\u0000',
      '\uFFFF',
      '\uD800',
      'a',
      '1',
    ),
    maxLength: 80,
  }),
  fc.constantFrom(...POLLUTING_KEYS),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** JSON-like values whose objects are heavy with prototype-pollution keys. */
export const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })), tie('value'), {
    maxKeys: 4,
  }),
})).value;

/** JSON text of a hostile value, with `__proto__` written as a literal key (JSON.parse makes it an own property). */
export const hostileJsonText = hostileJson.map((value) => JSON.stringify(value));

/** Whether anything was added to the prototypes every object and array inherits from. */
export function prototypesAreClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    Object.keys(Object.prototype).length === 0 &&
    Object.keys(Array.prototype).length === 0 &&
    probe.polluted === undefined &&
    probe.granted === undefined &&
    probe.analytics === undefined
  );
}
