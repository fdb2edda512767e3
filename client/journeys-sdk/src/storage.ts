// What the SDK remembers in the browser: the anonymous visitor and the popups already shown.

const anonymousKey = "journeys.anonymous";
const shownKey = "journeys.shownPopups";
const shownKept = 200;

export interface AnonymousVisitor {
  token: string;
  anonymousId: string;
  expiresAt: string;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: the SDK still works, it just forgets.
  }
}

export const loadAnonymous = (): AnonymousVisitor | null => read<AnonymousVisitor>(anonymousKey);
export const saveAnonymous = (visitor: AnonymousVisitor): void => write(anonymousKey, visitor);

/** True the first time a popup id is seen in this browser: one popup is shown once. */
export function firstShowing(popupId: string): boolean {
  const shown = read<string[]>(shownKey) ?? [];
  if (shown.includes(popupId)) {
    return false;
  }
  write(shownKey, [...shown, popupId].slice(-shownKept));
  return true;
}
