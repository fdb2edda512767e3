// Popup bodies come from journey templates: marketers' HTML with profile values filled in.
// Only an allow-list of elements and attributes survives; scripts, styles, event handlers and
// non-http(s) links are dropped. The text is parsed in an inert document, so nothing runs.

const allowed: Record<string, readonly string[]> = {
  a: ["href", "title"],
  b: [], strong: [], i: [], em: [], u: [], small: [], span: [],
  p: [], br: [], ul: [], ol: [], li: [], h2: [], h3: [], h4: [],
};

const droppedWithContent = new Set(["script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form"]);

function safeUrl(value: string): string | null {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function copy(source: Node, target: Node): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) {
      continue;
    }
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (droppedWithContent.has(tag)) {
      continue;
    }
    const attributes = allowed[tag];
    if (!attributes) {
      copy(element, target); // unknown element: keep its text, lose the element
      continue;
    }
    const clean = document.createElement(tag);
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value === null) {
        continue;
      }
      if (name === "href") {
        const url = safeUrl(value);
        if (url) {
          clean.setAttribute("href", url);
          clean.setAttribute("rel", "noopener noreferrer");
          clean.setAttribute("target", "_blank");
        }
      } else {
        clean.setAttribute(name, value);
      }
    }
    copy(element, clean);
    target.appendChild(clean);
  }
}

/** A fragment holding only allowed elements and attributes of the given HTML. */
export function sanitize(html: string): DocumentFragment {
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  const fragment = document.createDocumentFragment();
  copy(inert.body, fragment);
  return fragment;
}
