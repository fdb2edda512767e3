import { api } from '../api';
import { h, table } from '../dom';

const kinds = ['customer', 'cashier', 'corporate'];

const json = (value: unknown) => h('pre', {}, JSON.stringify(value ?? null, null, 2));

/** Finds a profile by kind and id: traits, computed properties, consent, segments, journeys and timeline. */
export function profilesPage(root: HTMLElement, kind: string, id: string) {
  const kindSelect = h('select', { id: 'profile-kind' }, ...kinds.map(k => h('option', { value: k }, k)));
  kindSelect.value = kind || 'customer';
  const idInput = h('input', { id: 'profile-id', value: id, placeholder: 'profile id (userId)' });
  const body = h('div', { 'data-testid': 'profile' });
  root.append(h('h1', {}, 'Profile explorer'),
    h('form', { class: 'toolbar', onsubmit: (e: Event) => {
      e.preventDefault();
      location.hash = `#/profiles/${kindSelect.value}/${encodeURIComponent(idInput.value.trim())}`;
    } }, h('label', { for: 'profile-kind' }, 'Kind'), kindSelect, h('label', { for: 'profile-id' }, 'Id'), idInput, h('button', { type: 'submit' }, 'Find')),
    body);
  if (!kind || !id) return;

  api<any>('GET', `/api/profiles/${kind}/${encodeURIComponent(id)}`).then(view => {
    const profile = view.profile ?? {};
    const timeline: any[] = Array.isArray(view.timeline) ? view.timeline : [];
    const journeys: any[] = Array.isArray(view.journeys?.instances) ? view.journeys.instances : Array.isArray(view.journeys) ? view.journeys : [];
    const known = new Set(['traits', 'computed', 'consent']);
    body.replaceChildren(
      h('h2', {}, `${view.kind} ${view.id}`, view.mergedInto ? ` (merged into ${view.mergedInto})` : ''),
      h('div', { class: 'grid' },
        h('section', { class: 'card' }, h('h3', {}, 'Traits'), json(profile.traits)),
        h('section', { class: 'card' }, h('h3', {}, 'Computed'), json(profile.computed)),
        h('section', { class: 'card' }, h('h3', {}, 'Consent'), json(profile.consent)),
        h('section', { class: 'card' }, h('h3', {}, 'Segments'),
          view.segments?.length ? h('ul', { 'data-testid': 'segments' }, ...view.segments.map((s: string) => h('li', {}, s))) : h('p', { class: 'muted' }, 'none'))),
      h('h3', {}, 'Journeys'),
      journeys.length ? table(['Journey', 'Version', 'Status', 'At node', 'Entered', 'Control group', 'Converted'],
        journeys.map(i => [h('td', {}, i.journeyId), h('td', {}, `v${i.version}`), h('td', {}, i.status ?? ''), h('td', {}, i.currentNodeId ?? '–'),
          h('td', {}, i.enteredAt ?? ''), h('td', {}, i.inControlGroup ? 'yes' : 'no'), h('td', {}, i.converted ? 'yes' : 'no')])) : h('p', { class: 'muted' }, 'none'),
      h('h3', {}, 'Timeline'),
      timeline.length ? table(['At', 'Kind', 'What', 'Status'], [...timeline].reverse().map(t => [
        h('td', {}, t.at ?? t.timestamp ?? ''), h('td', {}, t.kind ?? t.type ?? ''),
        h('td', {}, t.journeyId ? `${t.journeyId} v${t.version ?? ''} ${t.nodeId ?? ''}` : t.name ?? t.event ?? JSON.stringify(t)),
        h('td', {}, t.status ?? '')]), { 'data-testid': 'timeline' }) : h('p', { class: 'muted' }, 'no entries'),
      h('details', {}, h('summary', {}, 'Everything else in the profile'),
        json(Object.fromEntries(Object.entries(profile).filter(([k]) => !known.has(k))))));
  }).catch(e => body.replaceChildren(h('p', { class: 'error' }, String(e))));
}
