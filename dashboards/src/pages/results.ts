import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { api } from '../api';
import { h, n, pct, table } from '../dom';
import type { JourneyResults, MessageFigures } from '../types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A count and, under it, its share of what it is a part of. */
const figure = (testId: string, value: number, of?: number) =>
  h('td', { class: 'n' }, h('span', { 'data-testid': testId }, n(value)), of === undefined ? '' : h('div', { class: 'muted' }, of ? pct(value / of) : '–'));

const reasons: Record<string, string> = { noConsent: 'consent', frequencyCap: 'frequency cap', undeliverable: 'bounced address' };

function messageRow(m: MessageFigures) {
  const by = Object.entries(m.suppressedBy).map(([reason, count]) => `${reasons[reason] ?? reason} ${n(count)}`);
  return [
    h('td', {}, m.nodeId), h('td', {}, `${m.channel} / ${m.topic}`),
    figure(`requested-${m.nodeId}`, m.requested),
    figure(`queued-${m.nodeId}`, m.queued),
    figure(`sent-${m.nodeId}`, m.sent),
    figure(`delivered-${m.nodeId}`, m.delivered, m.sent),
    figure(`failed-${m.nodeId}`, m.failed, m.sent),
    figure(`opened-${m.nodeId}`, m.opened, m.delivered),
    figure(`clicked-${m.nodeId}`, m.clicked, m.delivered),
    figure(`unsubscribed-${m.nodeId}`, m.unsubscribed, m.delivered),
    figure(`bounced-${m.nodeId}`, m.bounced, m.sent),
    figure(`suppressed-${m.nodeId}`, m.suppressed, m.entered),
    h('td', { 'data-testid': `suppressed-by-${m.nodeId}` }, by.join(', ') || '–',
      m.deferred ? h('div', { class: 'muted' }, `${n(m.deferred)} held now by quiet hours or a cap`) : ''),
  ];
}

export function resultsPage(root: HTMLElement, journeyId: string) {
  const body = h('div', {}, 'Loading…');
  root.append(h('h1', {}, `Results: ${journeyId}`), body);
  const charts: Chart[] = [];
  api<JourneyResults>('GET', `/api/dashboard/journeys/${encodeURIComponent(journeyId)}/results`).then(r => {
    body.replaceChildren(
      h('p', {}, `${r.name ?? r.journeyId} · v${r.version ?? '–'} · entered ${n(r.entered)} · conversions ${n(r.conversions)}`,
        r.conversionsOutsideGroups ? ` (${n(r.conversionsOutsideGroups)} before or without the holdout)` : '', ' · ',
        h('a', { href: `#/journeys/${encodeURIComponent(journeyId)}/live` }, 'live view')),
      h('h2', {}, 'Treatment vs control'),
      holdout(r, charts),
      h('h2', {}, 'Messages'),
      r.messages.length === 0 ? h('p', { class: 'muted' }, 'This journey sends no messages.') : table(
        ['Node', 'Channel / topic', 'Requested', 'Queued', 'Sent', 'Delivered', 'Failed', 'Opened', 'Clicked', 'Unsubscribed', 'Bounced', 'Suppressed', 'by reason'],
        r.messages.map(messageRow), { 'data-testid': 'messages-table' }),
      h('p', { class: 'muted' },
        'Requested: sends the journey asked for. Sent: messages the outbox finished trying, delivered when the provider accepted them ',
        '(% of sent), failed when dead-lettered. Opened, clicked, unsubscribed: delivered messages with at least one tracked open, ',
        'click or unsubscribe (% of delivered). Bounced: the address was refused, at sending (also failed) or reported later (% of sent). Suppressed: at the step or at send time, % of the node\'s entries.'));
  }).catch(e => body.replaceChildren(h('p', { class: 'error' }, String(e))));
  return () => charts.forEach(c => c.destroy());
}

function holdout(r: JourneyResults, charts: Chart[]) {
  const o = r.holdout;
  if (!o) return h('p', { class: 'muted' }, 'This journey has no holdout node, so there is no control group to compare with.');
  const c = o.comparison;
  const canvas = h('canvas', { height: '220' });
  const figures = table(['Group', 'Profiles', 'Conversions', 'Rate', '95% interval'], [
    [h('td', {}, 'Treatment'), h('td', { class: 'n', 'data-testid': 'treatment-size' }, n(o.treatmentSize)),
      h('td', { class: 'n', 'data-testid': 'treatment-conversions' }, n(o.treatmentConversions)),
      h('td', { class: 'n', 'data-testid': 'treatment-rate' }, c ? pct(c.treatment.rate) : 'n/a'),
      h('td', { class: 'n' }, c ? `${pct(c.treatment.low)} – ${pct(c.treatment.high)}` : 'n/a')],
    [h('td', {}, `Control (${o.percent}% holdout)`), h('td', { class: 'n', 'data-testid': 'control-size' }, n(o.controlSize)),
      h('td', { class: 'n', 'data-testid': 'control-conversions' }, n(o.controlConversions)),
      h('td', { class: 'n', 'data-testid': 'control-rate' }, c ? pct(c.control.rate) : 'n/a'),
      h('td', { class: 'n' }, c ? `${pct(c.control.low)} – ${pct(c.control.high)}` : 'n/a')],
  ], { 'data-testid': 'holdout-table' });
  const verdict = c
    ? h('p', { 'data-testid': 'lift' },
      `Difference ${pct(c.difference)} (95% interval ${pct(c.differenceLow)} to ${pct(c.differenceHigh)}), lift ${c.relativeLift === null ? 'n/a (no control conversions)' : pct(c.relativeLift)}: `,
      h('strong', {}, c.significant ? 'significant' : 'not significant yet'))
    : h('p', { class: 'muted', 'data-testid': 'lift' }, 'Both groups need profiles before they can be compared.');
  if (c) {
    requestAnimationFrame(() => charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ['Treatment', 'Control'],
        datasets: [
          { label: 'conversion rate %', data: [c.treatment.rate * 100, c.control.rate * 100], backgroundColor: ['#4a6fa5', '#b0b8c4'] },
          { label: '95% upper bound %', data: [c.treatment.high * 100, c.control.high * 100], backgroundColor: ['#4a6fa533', '#b0b8c433'] },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, title: { display: true, text: '%' } } } },
    })));
  }
  return h('div', { class: 'split' }, h('div', {}, figures, verdict), h('div', { class: 'chart' }, canvas));
}
