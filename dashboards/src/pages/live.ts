import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { auth } from '../api';
import { h, n, pct, table } from '../dom';
import type { JourneyLiveFigures, NodeFigures } from '../types';

cytoscape.use(dagre);

const nodeLabel = (f: NodeFigures) =>
  `${f.nodeId} (${f.type})\nwaiting ${n(f.waiting)} · passed ${n(f.passed)}\nexited ${n(f.exited)} · suppressed ${n(f.suppressed)}`;

/** The journey graph with live counts: the gateway's hub pushes new figures at most every poll period. */
export function livePage(root: HTMLElement, journeyId: string) {
  const title = h('h1', {}, journeyId);
  const state = h('span', { class: 'muted', 'data-testid': 'live-state' }, 'connecting…');
  const entered = h('strong', { 'data-testid': 'journey-entered' }, '–');
  const graph = h('div', { class: 'graph', 'data-testid': 'journey-graph' });
  const nodes = h('div', {});
  const feed = h('ol', { class: 'feed', 'data-testid': 'live-feed' });
  root.append(title,
    h('p', {}, 'Entered ', entered, ' · ', state, ' · ', h('a', { href: `#/journeys/${encodeURIComponent(journeyId)}/results` }, 'results'), ' · ',
      h('a', { href: `#/editor/${encodeURIComponent(journeyId)}` }, 'edit')),
    h('div', { class: 'split' }, graph, h('div', { class: 'card feed-card' }, h('h2', {}, 'Recent steps'), feed)),
    h('h2', {}, 'Nodes'), nodes);

  let cy: cytoscape.Core | undefined;
  let previous: JourneyLiveFigures | undefined;
  let previousAt = 0;

  const show = (figures: JourneyLiveFigures) => {
    const now = performance.now();
    title.textContent = `${figures.name ?? figures.journeyId} (v${figures.version ?? '–'}, ${figures.status})`;
    entered.textContent = n(figures.entered);
    const passedBy = new Map(figures.nodes.map(f => [f.nodeId, f.passed]));
    const edgeLabel = (count: number, from: string) => `${n(count)} (${pct(count / (passedBy.get(from) || 1), 0)})`;
    if (!cy) {
      cy = cytoscape({
        container: graph,
        elements: [
          { data: { id: '__trigger', label: 'trigger' }, classes: 'trigger' },
          { data: { id: '__start', source: '__trigger', target: figures.firstNode, label: '' } },
          ...figures.nodes.map(f => ({ data: { id: f.nodeId, label: nodeLabel(f) }, classes: f.type })),
          ...figures.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, label: `${e.label}: ${edgeLabel(e.count, e.from)}` } })),
        ],
        style: [
          { selector: 'node', style: { shape: 'round-rectangle', 'background-color': '#e8f0fe', 'border-width': 1, 'border-color': '#4a6fa5', label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', 'font-size': 10, width: 170, height: 52 } },
          { selector: 'node.message, node.popup', style: { 'background-color': '#fff4e0', 'border-color': '#c77d00' } },
          { selector: 'node.exit', style: { 'background-color': '#eee', 'border-color': '#888' } },
          { selector: 'node.holdout, node.split, node.condition', style: { shape: 'diamond', width: 190, height: 70, 'background-color': '#eaf7ea', 'border-color': '#3c8d3c' } },
          { selector: 'node.trigger', style: { shape: 'ellipse', width: 80, height: 30, 'background-color': '#4a6fa5', color: '#fff' } },
          { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#9aa9bd', 'target-arrow-color': '#9aa9bd', 'source-label': 'data(label)', 'source-text-offset': 55, 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 1, 'text-background-padding': '1px' } },
        ],
        layout: { name: 'dagre', rankDir: 'TB', nodeSep: 30, rankSep: 75 } as cytoscape.LayoutOptions,
        userZoomingEnabled: true,
        wheelSensitivity: 0.3,
      });
    } else {
      for (const f of figures.nodes) cy.getElementById(f.nodeId).data('label', nodeLabel(f));
      figures.edges.forEach((e, i) => cy!.getElementById(`e${i}`).data('label', `${e.label}: ${edgeLabel(e.count, e.from)}`));
    }
    nodes.replaceChildren(table(['Node', 'Type', 'Waiting now', 'Entered', 'Passed', 'Exited', 'Suppressed', 'Converted', 'Exits taken'],
      figures.nodes.map(f => [
        h('td', {}, f.nodeId), h('td', {}, f.type),
        ...(['waiting', 'entered', 'passed', 'exited', 'suppressed', 'converted'] as const)
          .map(k => h('td', { class: 'n', 'data-testid': `node-${f.nodeId}-${k}` }, n(f[k]))),
        h('td', {}, Object.entries(f.exits).map(([o, c]) => `${o} ${n(c)}`).join(', ')),
      ]), { 'data-testid': 'node-table' }));
    if (previous) addFeed(previous, figures, (now - previousAt) / 1000);
    previous = figures;
    previousAt = now;
  };

  const addFeed = (before: JourneyLiveFigures, after: JourneyLiveFigures, seconds: number) => {
    const old = new Map(before.nodes.map(f => [f.nodeId, f]));
    const time = new Date().toLocaleTimeString('en-GB');
    for (const f of after.nodes) {
      const was = old.get(f.nodeId);
      const parts: string[] = [];
      const entered = f.entered - (was?.entered ?? 0);
      if (entered) parts.push(`+${n(entered)} entered`);
      for (const [outcome, count] of Object.entries(f.exits)) {
        const delta = count - (was?.exits[outcome] ?? 0);
        if (delta) parts.push(`+${n(delta)} → ${outcome}`);
      }
      const exited = f.exited - (was?.exited ?? 0);
      if (exited) parts.push(`+${n(exited)} finished`);
      const suppressed = f.suppressed - (was?.suppressed ?? 0);
      if (suppressed) parts.push(`+${n(suppressed)} suppressed`);
      if (parts.length) {
        const rate = seconds > 0 ? ` (${(entered / seconds).toFixed(1)}/s)` : '';
        feed.prepend(h('li', {}, h('span', { class: 'muted' }, time), ' ', h('strong', {}, f.nodeId), ` ${parts.join(', ')}${entered ? rate : ''}`));
      }
    }
    while (feed.children.length > 60) feed.lastElementChild!.remove();
  };

  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/dashboard', { accessTokenFactory: () => auth.key ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on('figures', (figures: JourneyLiveFigures) => { show(figures); state.textContent = `live, updated ${new Date().toLocaleTimeString('en-GB')}`; });
  const watch = async () => {
    const figures = await connection.invoke<JourneyLiveFigures | null>('Watch', journeyId);
    if (figures) show(figures); else title.textContent = `There is no journey '${journeyId}'`;
    state.textContent = 'live';
  };
  connection.onreconnected(() => { watch().catch(() => undefined); });
  connection.start().then(watch).catch(e => { state.textContent = `not connected: ${e}`; });
  return () => { connection.stop(); cy?.destroy(); };
}
