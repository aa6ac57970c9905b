import { Session } from 'node:inspector/promises';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { emptyUncalled } from '../../../bench/empty-uncalled.mjs';

/** Runs `code` as a script under V8's precise coverage; the end offsets of the functions it called. */
async function calledEnds(code: string, filename: string): Promise<Set<number>> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    runInThisContext(code, { filename });
    const { result } = await session.post('Profiler.takePreciseCoverage');
    const script = result.find((s) => s.url.endsWith(filename))!;
    return new Set(script.functions.filter((f) => f.ranges[0]!.count > 0).map((f) => f.ranges[0]!.endOffset));
  } finally {
    session.disconnect();
  }
}

// Offsets count UTF-16 code units: the Chinese text before the functions moves them apart from UTF-8's.
const SCRIPT = `
  globalThis.__floor = (() => {
    const label = '同意';
    function used(n) { return n + 1; }
    function unused(n) { const inner = () => n * 2; return inner() + label.length; }
    class Keeper {
      kept(n) { return used(n); }
      dropped(n) { return unused(n); }
      static make() { return new Keeper(); }
    }
    const twice = (n) => n * 2;
    const never = (n) => n * 3;
    return { result: Keeper.make().kept(twice(1)), Keeper, never };
  })();
`;

describe('emptying what a visit never called', () => {
  it('empties exactly the functions V8 did not call, methods and arrows included, and the rest still runs', async () => {
    const ends = await calledEnds(SCRIPT, 'floor-fixture.js');
    const { code, emptied } = emptyUncalled(SCRIPT, ends);

    const ran = [
      'function used(n) { return n + 1; }',
      'kept(n) { return used(n); }',
      'static make() { return new Keeper(); }',
      'const twice = (n) => n * 2;',
    ];
    const emptiedAsWritten = ['function unused(n) {}', 'dropped(n) {}', 'const never = (n) => 0;'];
    for (const text of [...ran, ...emptiedAsWritten]) expect(code).toContain(text);
    // The arrow inside `unused` went with it, so it is not counted on its own.
    expect(emptied).toBe(3);

    runInThisContext(code);
    const floor = (globalThis as { __floor?: { result: number; Keeper: new () => { dropped(n: number): unknown } } })
      .__floor!;
    expect(floor.result).toBe(3);
    expect(new floor.Keeper().dropped(1)).toBeUndefined();
  });

  it('leaves code that ran whole, and an already empty function as it was', () => {
    const code = 'function a(){return 1}function b(){}';
    expect(emptyUncalled(code, new Set([code.indexOf('}') + 1]))).toEqual({ code, emptied: 0 });
  });
});
