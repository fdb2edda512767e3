// Every call the app makes carries the management key it was signed in with.
const keyName = 'journeys.adminKey';

export const auth = {
  get key(): string | null { return sessionStorage.getItem(keyName); },
  signIn(key: string) { sessionStorage.setItem(keyName, key); },
  signOut() { sessionStorage.removeItem(keyName); },
};

export class ApiError extends Error {
  constructor(public status: number, public body: any) {
    super(body?.title ?? `HTTP ${status}`);
  }
}

export async function api<T>(method: string, path: string, body?: unknown, key = auth.key): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${key ?? ''}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401 && key === auth.key) {
    auth.signOut();
    location.hash = '#/sign-in';
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json as T;
}

/** A validation problem's errors, keyed by JSON path, as a flat list. */
export function problemErrors(error: unknown): { location: string; message: string }[] {
  if (error instanceof ApiError && error.body?.errors) {
    return Object.entries(error.body.errors as Record<string, string[]>)
      .flatMap(([location, messages]) => messages.map(message => ({ location, message })));
  }
  return [{ location: '$', message: error instanceof Error ? error.message : String(error) }];
}
