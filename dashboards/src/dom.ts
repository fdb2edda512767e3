type Child = Node | string | number | null | undefined | false;

/** Creates an element: h('td', { class: 'n', 'data-testid': 'x' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export const n = (value: number | null | undefined) => value === null || value === undefined ? 'n/a' : value.toLocaleString('en-US');
export const pct = (value: number | null | undefined, digits = 1) => value === null || value === undefined || !isFinite(value) ? 'n/a' : `${(value * 100).toFixed(digits)}%`;

export function table(headers: string[], rows: Node[][], attrs: Record<string, string> = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, ...headers.map(title => h('th', {}, title)))),
    h('tbody', {}, ...rows.map(cells => h('tr', {}, ...cells))));
}
