import './style.css';
import { auth } from './api';
import { h } from './dom';
import { signInPage } from './pages/signin';
import { journeysPage } from './pages/journeys';
import { livePage } from './pages/live';
import { resultsPage } from './pages/results';
import { editorPage } from './pages/editor';
import { profilesPage } from './pages/profiles';

// Hash routes, so the gateway serves one index.html: #/journeys, #/journeys/{id}/live, #/journeys/{id}/results,
// #/editor[/{id}], #/profiles[/{kind}/{id}], #/sign-in. A page returns a function that stops what it started.
type Page = (root: HTMLElement, ...params: string[]) => (() => void) | void;
const routes: [RegExp, Page][] = [
  [/^#\/sign-in$/, signInPage],
  [/^#\/journeys$/, journeysPage],
  [/^#\/journeys\/([^/]+)\/live$/, livePage],
  [/^#\/journeys\/([^/]+)\/results$/, resultsPage],
  [/^#\/editor(?:\/([^/]+))?$/, editorPage],
  [/^#\/profiles(?:\/([^/]+)\/([^/]+))?$/, profilesPage],
];

let stop: (() => void) | void;

function render() {
  const hash = location.hash || '#/journeys';
  if (!auth.key && hash !== '#/sign-in') {
    location.hash = '#/sign-in';
    return;
  }
  stop?.();
  const root = document.getElementById('app')!;
  root.replaceChildren();
  renderHeader(hash);
  const route = routes.find(([pattern]) => pattern.test(hash));
  if (!route) {
    location.hash = '#/journeys';
    return;
  }
  const params = hash.match(route[0])!.slice(1).map(p => p === undefined ? '' : decodeURIComponent(p));
  stop = route[1](root, ...params);
}

function renderHeader(hash: string) {
  const link = (href: string, title: string) => h('a', { href, class: hash.startsWith(href) ? 'active' : '' }, title);
  document.getElementById('top')!.replaceChildren(h('nav', {},
    h('strong', {}, 'Journeys dashboards'),
    ...(auth.key ? [
      link('#/journeys', 'Journeys'),
      link('#/editor', 'Editor'),
      link('#/profiles', 'Profiles'),
      h('button', { class: 'link', 'data-testid': 'sign-out', onclick: () => { auth.signOut(); location.hash = '#/sign-in'; } }, 'Sign out'),
    ] : [])));
}

window.addEventListener('hashchange', render);
render();
