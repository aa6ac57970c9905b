import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { filesOf } from '../../../build/size-budget.mjs';

/*
 * The script-tag build is one classic script plus ES module chunks it imports on demand (see
 * build/classic-script-entry.ts). These check the built files fit together.
 */
describe('the script-tag build', () => {
  const entry = 'dist/consent-kit.iife.js';

  it('is a classic script: no import or export statement', () => {
    expect(existsSync(entry), `${entry} is missing: run "npm run build" first`).toBe(true);
    expect(() => new Script(readFileSync(entry, 'utf8'), { filename: entry })).not.toThrow();
  });

  it('asks V8, on its first line, to compile all of it while it downloads, off the main thread', () => {
    // The magic comment counts only as the file's very first line (Chrome 136 and later).
    expect(readFileSync(entry, 'utf8').split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
  });

  it('imports only chunks that exist next to it, each reachable, and publishes the bindings of each under the key it reads', () => {
    const code = readFileSync(entry, 'utf8');
    const chunks = filesOf('dist/consent-kit-*.js')
      .map((file) => file.slice('dist/'.length))
      .sort();
    const sources = new Map(chunks.map((chunk) => [chunk, readFileSync(`dist/${chunk}`, 'utf8')]));
    // The entry fetches chunks with import(), by their path next to it; chunks import what they share from one
    // another as modules, and fetch the languages with import() too.
    const importer = chunkImporter(code);
    const fromEntry = [
      ...code.matchAll(new RegExp(`\\b${importer}\\(["'\`]\\./(consent-kit-[\\w-]+\\.js)["'\`]\\)`, 'g')),
    ].map((m) => m[1]!);
    const fromChunks = [...sources.values()].flatMap((source) => [
      ...[...source.matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]!),
      ...[...source.matchAll(/import\(["'`]\.\/([\w.-]+\.js)["'`]\)/g)].map((m) => m[1]!),
    ]);
    expect(fromEntry.filter((name) => !sources.has(name))).toEqual([]);
    expect(fromChunks.filter((name) => !sources.has(name))).toEqual([]);
    expect([...new Set([...fromEntry, ...fromChunks])].sort()).toEqual(chunks);
    for (const [chunk, source] of sources) {
      const read = /^const\{([^}]*)\}=globalThis\[(Symbol\.for\("[^"]+"\))\];/.exec(source);
      if (!read) {
        expect(source, `${chunk} mentions the entry without reading its bindings`).not.toContain('consent-kit.iife.js');
        continue;
      }
      const [, bindings, symbol] = read;
      expect(symbol).toBe(`Symbol.for("consent-kit:${chunk}")`);
      const published = publishedUnder(code, symbol!);
      expect(published, `${entry} publishes nothing for ${chunk}`).not.toBeNull();
      const offered = new Set(published![1]!.split(',').map((pair) => pair.split(':')[0]));
      const wanted = bindings!.split(',').map((pair) => pair.split(':')[0]);
      expect(wanted.filter((name) => !offered.has(name))).toEqual([]);
    }
  });

  it('names every chunk by a hash of its content but the language index, which reads nothing of the script', () => {
    const unhashed = filesOf('dist/consent-kit-*.js').filter((file) => !/-[\w-]{8}\.js$/.test(file));
    expect(unhashed).toEqual(['dist/consent-kit-language-index.js']);
    expect(readFileSync(unhashed[0]!, 'utf8')).not.toMatch(/globalThis\[Symbol\.for|consent-kit\.iife\.js/);
  });

  it('resolves each chunk against its own URL, read while it starts, and asks again under another address after a failure', () => {
    const code = readFileSync(entry, 'utf8');
    // The one import() of the script is the importer's, and every chunk is fetched through it.
    expect([...code.matchAll(/import\(/g)]).toHaveLength(1);
    expect(chunkImporter(code)).toMatch(/^\w+$/);
  });

  it("asks for every chunk's own imports beside it, so none of them waits for the chunk to arrive first", () => {
    const code = readFileSync(entry, 'utf8');
    const importer = chunkImporter(code);
    const prefetch = new RegExp(
      `,(\\w+)=\\w+=>\\{for\\(let (\\w+) of \\w+\\)${importer}\\(\\2\\)\\.catch\\(\\(\\)=>\\{\\}\\)\\}`,
    ).exec(code);
    expect(prefetch, 'the function that imports a list of chunks').not.toBeNull();
    const asked = new Map<string, string[]>();
    const call = new RegExp(
      `${prefetch![1]}\\(\\[([^\\]]*)\\]\\),(?:await )?${importer}\\(["'\`]\\./([\\w.-]+\\.js)["'\`]\\)`,
      'g',
    );
    for (const [, list, chunk] of code.matchAll(call)) {
      asked.set(chunk!, [...list!.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => m[1]!).sort());
    }
    const fromEntry = [
      ...code.matchAll(new RegExp(`\\b${importer}\\(["'\`]\\./(consent-kit-[\\w-]+\\.js)["'\`]\\)`, 'g')),
    ].map((m) => m[1]!);
    const staticImports = (chunk: string, found = new Set<string>()): Set<string> => {
      for (const [, imported] of readFileSync(`dist/${chunk}`, 'utf8').matchAll(/from\s*["']\.\/([\w.-]+\.js)["']/g)) {
        if (found.has(imported!)) continue;
        found.add(imported!);
        staticImports(imported!, found);
      }
      return found;
    };
    for (const chunk of new Set(fromEntry)) {
      expect(asked.get(chunk) ?? [], chunk).toEqual([...staticImports(chunk)].sort());
    }
    // The panel and its index of languages; the validator with zod and the preset lists; the endpoint client with zod.
    expect([...asked.keys()].filter((chunk) => /preferences|validator|sync/.test(chunk))).toHaveLength(3);
  });

  it('leaves zod out of the script: only the validator and the endpoint client, fetched on demand, bring it', () => {
    const code = readFileSync(entry, 'utf8');
    expect(code).not.toContain('__zod_globalConfig');
    const [validation] = filesOf('dist/consent-kit-validation-*.js');
    expect(readFileSync(validation!, 'utf8')).toContain('__zod_globalConfig');
  });

  it("leaves the presets' display names out of the script: only the panel, fetched when it opens, shows them", () => {
    expect(readFileSync(entry, 'utf8')).not.toMatch(/Baidu Tongji|百度统计/);
    const [panel] = filesOf('dist/consent-kit-consent-preferences-*.js');
    expect(readFileSync(panel!, 'utf8')).toContain('百度统计');
  });
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The name of the entry's function that imports a chunk: resolved against the script's URL (read from
 * document.currentScript as it starts), with `?retry=<n>` after n failed downloads of the same chunk.
 */
function chunkImporter(code: string): string {
  const prelude =
    /const (\w+)=document\.currentScript\?\.src,(\w+)=new Map,(\w+)=(\w+)=>\{let (\w+)=\2\.get\(\4\)\?\?0;return import\(\(\1\?new URL\(\4,\1\)\.href:\4\)\+\(\5\?`\?retry=`\+\5:``\)\)\.catch\(/.exec(
      code,
    );
  expect(prelude, 'the chunk importer at the start of the script').not.toBeNull();
  return prelude![3]!;
}

/** The object the entry publishes under `symbol`: written there, or under the key it points to. */
function publishedUnder(code: string, symbol: string): RegExpExecArray | null {
  const alias = new RegExp(
    `globalThis\\[${escaped(symbol)}\\]\\?\\?=globalThis\\[(Symbol\\.for\\("[^"]+"\\))\\];`,
  ).exec(code);
  return new RegExp(`globalThis\\[${escaped(alias?.[1] ?? symbol)}\\]\\?\\?=\\{([^}]*)\\}`).exec(code);
}
