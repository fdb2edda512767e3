import { EditorView, basicSetup } from 'codemirror';
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { api, problemErrors } from '../api';
import { h } from '../dom';
import { rangeOf } from '../jsonLocations';

interface ValidationAnswer { valid: boolean; errors: { location: string; message: string }[] }

const starter = (id: string) => JSON.stringify({
  id, name: 'New journey',
  trigger: { type: 'event', event: 'Cart Updated', next: 'wait' },
  entry: { mode: 'always' },
  nodes: [
    { id: 'wait', type: 'wait', duration: 'PT1H', next: 'done' },
    { id: 'done', type: 'exit' },
  ],
}, null, 2);

/** Drafts in a JSON editor that the gateway's validator checks as you type, errors marked where they are. */
export function editorPage(root: HTMLElement, journeyId: string) {
  const idInput = h('input', { id: 'journey-id', value: journeyId, placeholder: 'journey id' });
  const status = h('p', { 'data-testid': 'editor-status' });
  const errorList = h('ul', { class: 'errors', 'data-testid': 'editor-errors' });
  const host = h('div', { class: 'editor', 'data-testid': 'json-editor' });
  const inFlight = h('select', { id: 'in-flight' }, ...['keep', 'migrate', 'exit'].map(v => h('option', { value: v }, v)));
  const mapping = h('textarea', { id: 'node-mapping', rows: '2', placeholder: '{"old-node": "new-node"} for migrate' });
  const dryProfile = h('textarea', { id: 'dry-profile', rows: '3' }, '{"id": "test-driver", "traits": {"firstName": "Lea"}}');
  const dryEvents = h('textarea', { id: 'dry-events', rows: '4' }, '[{"at": "2026-06-02T10:00:00Z", "event": {"event": "Cart Updated", "properties": {"cartId": "c1", "items": [], "value": 990, "currency": "RUB"}}}]');
  const dryResult = h('pre', { class: 'dry-result', 'data-testid': 'dry-run-result' });

  // Clicking an error selects the text it is about.
  const showErrors = (errors: { location: string; message: string }[]) =>
    errorList.replaceChildren(...errors.map(e => h('li', { onclick: () => {
      const { from, to } = rangeOf(view.state.doc.toString(), e.location);
      view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
      view.focus();
    } }, h('code', {}, e.location), ' ', e.message)));

  const validation = linter(async view => {
    const text = view.state.doc.toString();
    const answer = await api<ValidationAnswer>('POST', '/api/journeys/validate', text).catch(e => ({ valid: false, errors: problemErrors(e) }));
    // An answer about an older text (the document changed while it was checked) is dropped; the newer check reports.
    if (view.state.doc.toString() !== text) return [];
    showErrors(answer.errors);
    status.textContent = answer.valid ? 'Valid.' : `${answer.errors.length} error(s).`;
    return answer.errors.map((e): Diagnostic => ({ ...rangeOf(text, e.location), severity: 'error', message: `${e.location}: ${e.message}` }));
  }, { delay: 400 });

  const view = new EditorView({ doc: starter(journeyId || 'new-journey'), extensions: [basicSetup, json(), lintGutter(), validation], parent: host });
  const text = () => view.state.doc.toString();
  const id = () => idInput.value.trim();
  const act = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      status.textContent = `${what}: done.`;
    } catch (e) {
      const errors = problemErrors(e);
      showErrors(errors);
      status.textContent = `${what} refused: ${(e as Error).message}`;
    }
  };

  if (journeyId) {
    api<any>('GET', `/api/journeys/${encodeURIComponent(journeyId)}`).then(detail => {
      const definition = detail.draft ?? detail.versions?.at(-1)?.definition;
      if (definition) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: JSON.stringify(definition, null, 2) } });
      status.textContent = `${detail.status}, v${detail.publishedVersion ?? '–'}${detail.draft ? ', editing the draft' : ', editing a copy of the current version'}.`;
    }).catch(() => { status.textContent = 'New journey.'; });
  }

  root.append(
    h('h1', {}, 'Journey editor'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'journey-id' }, 'Journey id'), idInput,
      h('button', { 'data-testid': 'validate', onclick: () => forceLinting(view) }, 'Validate'),
      h('button', { 'data-testid': 'save-draft', onclick: () => act('Save draft', () => api('PUT', `/api/journeys/${encodeURIComponent(id())}/draft`, text())) }, 'Save draft'),
      h('label', { for: 'in-flight' }, 'People in flight'), inFlight,
      h('button', { 'data-testid': 'publish', onclick: () => act('Publish', () => api('POST', `/api/journeys/${encodeURIComponent(id())}/publish`,
        { inFlight: inFlight.value, ...(mapping.value.trim() ? { nodeMapping: JSON.parse(mapping.value) } : {}) })) }, 'Publish'),
      h('button', { 'data-testid': 'pause', onclick: () => act('Pause', () => api('POST', `/api/journeys/${encodeURIComponent(id())}/pause`)) }, 'Pause'),
      h('button', { 'data-testid': 'resume', onclick: () => act('Resume', () => api('POST', `/api/journeys/${encodeURIComponent(id())}/resume`)) }, 'Resume')),
    mapping, status, host, errorList,
    h('h2', {}, 'Dry run'),
    h('div', { class: 'split' },
      h('div', {}, h('label', { for: 'dry-profile' }, 'Profile'), dryProfile, h('label', { for: 'dry-events' }, 'Events'), dryEvents,
        h('button', { 'data-testid': 'dry-run', onclick: () => act('Dry run', async () => {
          const result = await api<any>('POST', `/api/journeys/${encodeURIComponent(id())}/dry-run`, { profile: JSON.parse(dryProfile.value), events: JSON.parse(dryEvents.value) });
          dryResult.textContent = [
            `v${result.version}${result.draft ? ' (draft)' : ''}: ${result.from} → ${result.to}`,
            ...result.path.map((p: any) => `${p.at}  ${p.nodeId}`),
            ...result.instances.map((i: any) => `instance ${i.status}${i.exitReason ? ` (${i.exitReason})` : ''}`),
          ].join('\n');
        }) }, 'Dry run')),
      dryResult));
  return () => view.destroy();
}
