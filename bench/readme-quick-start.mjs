// The config of README.md's "Quick start: script tag", read out of the README itself, so the page the bench
// measures as "the quick start" is the one visitors of the README paste, not a copy that drifts from it.
import { readFileSync } from 'node:fs';

const SECTION = '## Quick start: script tag';
const CONFIG_TAG = /<script type="application\/json" data-consent-kit>([\s\S]*?)<\/script>/;

/**
 * The JSON config of the README's script-tag quick start, parsed. Throws, naming the section, when the
 * section or its config tag is missing or the tag does not hold JSON: the bench cannot measure the quick
 * start without it.
 */
export function quickStartConfig(readme = readFileSync('README.md', 'utf8')) {
  const start = readme.search(new RegExp(`^${SECTION}$`, 'm'));
  if (start === -1)
    throw new Error(`README.md has no "${SECTION}" section: the bench reads the quick-start config from it`);
  const next = readme.indexOf('\n## ', start + SECTION.length + 1);
  const section = readme.slice(start, next === -1 ? undefined : next);
  const tag = CONFIG_TAG.exec(section);
  if (!tag) throw new Error(`README.md "${SECTION}" has no <script type="application/json" data-consent-kit> tag`);
  try {
    return JSON.parse(tag[1]);
  } catch (error) {
    throw new Error(`README.md "${SECTION}": its config tag does not hold valid JSON (${error.message})`);
  }
}
