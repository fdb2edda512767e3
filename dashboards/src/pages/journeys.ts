import { api } from '../api';
import { h, n, table } from '../dom';
import type { JourneyRow } from '../types';

export function journeysPage(root: HTMLElement) {
  const body = h('div', {}, 'Loading…');
  root.append(h('h1', {}, 'Journeys'), body);
  const load = async () => {
    const rows = await api<JourneyRow[]>('GET', '/api/dashboard/journeys');
    body.replaceChildren(table(
      ['Journey', 'Status', 'Version', 'Entered', 'In progress', 'Converted', 'Messages requested', 'Messages sent', ''],
      rows.map(r => [
        h('td', {}, h('a', { href: `#/journeys/${encodeURIComponent(r.journeyId)}/live` }, r.name ?? r.journeyId), h('div', { class: 'muted' }, r.journeyId)),
        h('td', {}, h('span', { class: `status ${r.status}`, 'data-testid': `status-${r.journeyId}` }, r.status)),
        h('td', { class: 'n' }, r.version === null ? '–' : `v${r.version}`, r.hasDraft ? h('span', { class: 'muted' }, ' + draft') : ''),
        h('td', { class: 'n', 'data-testid': `entered-${r.journeyId}` }, n(r.entered)),
        h('td', { class: 'n' }, n(r.inProgress)),
        h('td', { class: 'n' }, n(r.converted)),
        h('td', { class: 'n' }, n(r.messagesRequested)),
        h('td', { class: 'n', 'data-testid': `sent-${r.journeyId}` }, n(r.messagesSent)),
        h('td', {},
          h('a', { href: `#/journeys/${encodeURIComponent(r.journeyId)}/live` }, 'live'), ' · ',
          h('a', { href: `#/journeys/${encodeURIComponent(r.journeyId)}/results` }, 'results'), ' · ',
          h('a', { href: `#/editor/${encodeURIComponent(r.journeyId)}` }, 'edit')),
      ]), { 'data-testid': 'journeys-table' }));
  };
  load().catch(e => body.replaceChildren(h('p', { class: 'error' }, String(e))));
  const timer = setInterval(() => load().catch(() => undefined), 5000);
  return () => clearInterval(timer);
}
