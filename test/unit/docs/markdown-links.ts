/*
 * Just enough Markdown reading to check the project's own pages: their headings as GitHub names their
 * anchors, and their inline links. Code (fenced blocks and `code spans`) is never read as a link or a heading.
 */

/** A link as written in a page: its target and the line it starts on (1-based). */
export interface MarkdownLink {
  target: string;
  line: number;
}

/**
 * The page's text with code blanked out, newlines kept so offsets still give line numbers: fenced blocks
 * line by line, then code spans (which may wrap onto the next line).
 */
function withoutCode(markdown: string): string {
  let isInFence = false;
  const prose = markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        isInFence = !isInFence;
        return '';
      }
      return isInFence ? '' : line;
    })
    .join('\n');
  return prose.replace(/`[^`]*`/g, (span) => span.replace(/[^\n]/g, 'x'));
}

/**
 * The anchor GitHub gives a heading: its text as rendered (code marks and link targets dropped), lowercased,
 * every character that is not a letter, digit, mark, `_`, `-` or space removed, spaces turned into `-`.
 */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the page's headings make, a repeated heading's with `-1`, `-2`, … as GitHub numbers them. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let isInFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) isInFence = !isInFence;
    const heading = isInFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = headingSlug(heading[1]!);
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** Every inline link and image of the page outside code, in order. */
export function linksIn(markdown: string): MarkdownLink[] {
  const prose = withoutCode(markdown);
  return [...prose.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => ({
    target: match[1]!,
    line: prose.slice(0, match.index).split('\n').length,
  }));
}

/** Whether a link leaves the repository (a URL with a scheme, or protocol-relative), so no file backs it. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}
