/** Registers `element` as `name`, unless the page already has one by that name (another copy of consent-kit). */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
