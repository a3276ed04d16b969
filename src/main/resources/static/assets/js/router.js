// Hash routes (#/stock/AAPL, #/compare?s=AAPL,SPX …): no server routes needed, reload-safe, back button works.
import {h, replace} from './format.js';
import {ApiError} from './api.js';

const routes = [];
let cleanup = null;

/** route('/stock/:symbol', 'AAPL', render) — render(main, params, query) may return a cleanup function. */
export function route(pattern, title, render) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
  routes.push({regex, names, title, render});
}

export function navigate(path) {
  if (location.hash === '#' + path) resolve();
  else location.hash = path;
}

export function currentQuery() {
  const hash = location.hash.slice(1);
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

/** Updates the query of the current route without re-rendering (for filters and ranges). */
export function setQuery(params) {
  const hash = location.hash.slice(1) || '/';
  const path = hash.split('?')[0];
  const q = new URLSearchParams(params).toString();
  history.replaceState(null, '', '#' + path + (q ? '?' + q : ''));
}

export async function resolve(event) {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  const main = document.getElementById('main');
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    const params = {};
    r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
    document.title = (typeof r.title === 'function' ? r.title(params) : r.title) + ' — QNT9';
    markCurrent(path);
    replace(main);
    main.setAttribute('aria-busy', 'true');
    try {
      cleanup = await r.render(main, params, new URLSearchParams(query || ''));
    } catch (e) {
      replace(main, h('h1', {text: 'Something went wrong'}), errorBox(e));
    } finally {
      main.removeAttribute('aria-busy');
    }
    if (event && event.type === 'hashchange') {
      // a new page: start at its top, and let keyboard and screen-reader users continue from its content
      window.scrollTo(0, 0);
      if (!main.contains(document.activeElement)) main.focus({preventScroll: true});
    }
    return;
  }
  replace(main, h('h1', {text: 'Page not found'}), h('p', {}, h('a', {href: '#/', text: 'Back to the start page'})));
}

function markCurrent(path) {
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === '#' + path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

/** A friendly, announced error message: the problem's detail (and the wait for 429). */
/** A failure in a sentence for people: the API's problem detail, or what went wrong otherwise. */
export function errorText(e) {
  return e instanceof ApiError ? e.friendly : 'Unexpected error: ' + (e && e.message ? e.message : e);
}

export function errorBox(e) {
  const text = errorText(e);
  const title = e instanceof ApiError && e.problem.title ? e.problem.title : 'Error';
  return h('div', {class: 'alert', role: 'alert'}, h('strong', {text: title + ': '}), h('span', {class: 'detail', text}));
}

/** A placeholder shown while a section loads. */
export function loading(label) {
  return h('p', {class: 'loading', role: 'status'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}), ' Loading ' + label + '…');
}

/** Fills a section with the result of a promise, or a friendly error. */
export async function section(el, label, promise, render) {
  replace(el, loading(label));
  try {
    const data = await promise;
    replace(el, render(data));
    return data;
  } catch (e) {
    replace(el, errorBox(e));
    return null;
  }
}

export function start() {
  window.addEventListener('hashchange', resolve);
  resolve();
}
