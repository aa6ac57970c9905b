/** A child for {@link buildElement}: a node, a text, or nothing (`undefined` leaves no trace). */
export type Child = Node | string | undefined;

/**
 * An element made with the DOM's own calls: its attributes (an `undefined` value leaves one out), a click
 * handler and its children. Texts become text nodes, never markup, so no visitor or config string is ever
 * parsed as HTML. For the banner's few nodes this is all a template engine would do, without its bytes.
 */
export function buildElement(
  tag: string,
  attributes: Record<string, string | undefined>,
  children: readonly Child[],
  onClick?: (event: Event) => void,
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  if (onClick) element.addEventListener('click', onClick);
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}
