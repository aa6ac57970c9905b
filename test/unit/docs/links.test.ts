import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, headingSlug, isExternal, linksIn } from './markdown-links.js';

const README = 'README.md';
const DOCS = 'docs';
const MAX_README_LINES = 200;

/** The pages a newcomer reads, by their path from the repository's root. */
const docsPages = () =>
  readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${DOCS}/${name}`);
const pages = () => [README, 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', ...docsPages()];

/** Anchors per page, read once. */
const anchorsOf = new Map<string, Set<string>>();
function anchors(page: string): Set<string> {
  if (!anchorsOf.has(page)) anchorsOf.set(page, headingAnchors(readFileSync(page, 'utf8')));
  return anchorsOf.get(page)!;
}

/** The file (from the repository's root) and anchor a link of `page` points at; the file is `page` for `#anchor`. */
function resolve(page: string, target: string): { file: string; anchor: string } {
  const [path = '', anchor = ''] = target.split('#', 2);
  const file = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(path)));
  return { file, anchor: decodeURIComponent(anchor) };
}

/** What is wrong with one link, or `undefined` when it reaches an existing file and heading. */
function problemOf(page: string, target: string): string | undefined {
  const { file, anchor } = resolve(page, target);
  if (file.startsWith('../')) return `points outside the repository (${file})`;
  if (!existsSync(file)) return `no file ${file}`;
  if (!anchor) return undefined;
  if (!file.endsWith('.md')) return `an anchor into ${file}, which is not a Markdown page`;
  if (!anchors(file).has(anchor)) return `no heading with the anchor "#${anchor}" in ${file}`;
  return undefined;
}

describe('the documentation', () => {
  it(`keeps README.md to at most ${MAX_README_LINES} lines, a front door with the rest in docs/`, () => {
    const lines = readFileSync(README, 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines, `README.md has ${lines} lines; move detail into a page under docs/ and link it`).toBeLessThanOrEqual(
      MAX_README_LINES,
    );
  });

  it('has every relative link and anchor reach an existing file and heading', () => {
    const problems = pages().flatMap((page) =>
      linksIn(readFileSync(page, 'utf8'))
        .filter(({ target }) => !isExternal(target))
        .flatMap(({ target, line }) => {
          const problem = problemOf(page, target);
          return problem ? [`${page}:${line}: link "${target}": ${problem}`] : [];
        }),
    );
    expect(problems).toEqual([]);
  });

  it('links every page under docs/ from README.md', () => {
    const linked = new Set(linksIn(readFileSync(README, 'utf8')).map(({ target }) => resolve(README, target).file));
    const unlinked = docsPages().filter((page) => !linked.has(page));
    expect(unlinked.map((page) => `${page}: not linked from README.md; add it to the table of contents there`)).toEqual(
      [],
    );
  });
});

describe('reading links and headings the way GitHub renders them', () => {
  it('names anchors as GitHub does, code marks and punctuation dropped, repeats numbered', () => {
    expect(headingSlug('The preferences endpoint (`consent-kit/server`)')).toBe(
      'the-preferences-endpoint-consent-kitserver',
    );
    expect(headingSlug('Quick start: script tag')).toBe('quick-start-script-tag');
    expect(headingSlug('npm: install the gate first')).toBe('npm-install-the-gate-first');
    expect(headingSlug('Bytes, speed and memory')).toBe('bytes-speed-and-memory');
    expect([...headingAnchors('# A\n\n## Notes\n\n```sh\n# not a heading\n```\n\n## Notes\n')]).toEqual([
      'a',
      'notes',
      'notes-1',
    ]);
  });

  it('finds links with their line, across a wrapped link text, and none inside code', () => {
    const page =
      'See [one](a.md#x) and ![pic](p.png).\n`[code](no.md)`\n```md\n[fenced](no.md)\n```\nthe [wrapped\ntext](b.md)\n';
    expect(linksIn(page)).toEqual([
      { target: 'a.md#x', line: 1 },
      { target: 'p.png', line: 1 },
      { target: 'b.md', line: 6 },
    ]);
  });

  it('reports a link to a missing page, a missing heading and an anchor into a file that has none', () => {
    expect(problemOf(README, 'docs/no-such-page.md')).toBe('no file docs/no-such-page.md');
    expect(problemOf(README, 'docs/gating.md#no-such-heading')).toBe(
      'no heading with the anchor "#no-such-heading" in docs/gating.md',
    );
    expect(problemOf('docs/api.md', 'gating.md#presets')).toBeUndefined();
    expect(problemOf('docs/api.md', '../package.json#x')).toBe(
      'an anchor into package.json, which is not a Markdown page',
    );
  });
});
