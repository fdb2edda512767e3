import { api, auth } from '../api';
import { h } from '../dom';

export function signInPage(root: HTMLElement) {
  const key = h('input', { type: 'password', id: 'admin-key', placeholder: 'management key', autocomplete: 'off' });
  const error = h('p', { class: 'error', 'data-testid': 'sign-in-error' });
  const form = h('form', { class: 'card narrow', onsubmit: async (e: Event) => {
    e.preventDefault();
    try {
      await api('GET', '/api/journeys', undefined, key.value);
      auth.signIn(key.value);
      location.hash = '#/journeys';
    } catch {
      error.textContent = 'That key is not accepted: use one of the gateway\'s management keys (Management__ApiKeys).';
    }
  } },
  h('h1', {}, 'Sign in'),
  h('label', { for: 'admin-key' }, 'Admin key'), key,
  h('button', { type: 'submit' }, 'Sign in'), error);
  root.append(form);
  key.focus();
}
