// The start page and the ranking: the universe sorted by recommendation score, filterable by band and sector.
import {get, qs, enc} from './api.js';
import {h, replace, num, pct, money, signClass, bandLabel, bandClass, table} from './format.js';
import {section, setQuery} from './router.js';

const BANDS = ['STRONG_BUY', 'BUY', 'HOLD', 'SELL', 'STRONG_SELL'];

export async function renderHome(main) {
  const list = h('div', {id: 'instruments'});
  main.append(
    h('h1', {text: 'Stock analysis on real daily data'}),
    h('p', {class: 'lead', text: 'Search a stock above, or pick one below: candlestick charts with indicators, risk statistics, an explained recommendation and its backtest. Compare up to five stocks, rank the universe, keep watchlists.'}),
    h('section', {class: 'panel', 'aria-labelledby': 'universe-title'}, h('h2', {id: 'universe-title', text: 'Instruments'}), list));
  const SHOWN = 12;
  // the instruments, then the ranking's price, day change and band of the ones shown and their technical ratings (one
  // call each; without them, e.g. while the ranking cannot be computed, the table still lists the instruments)
  const loaded = get('/api/v1/instruments').then((all) => {
    // the longest histories first; a large universe is reached through search and the ranking
    const items = [...all].sort((a, b) => (b.bars || 0) - (a.bars || 0) || a.symbol.localeCompare(b.symbol)).slice(0, SHOWN);
    const symbols = items.map((i) => i.symbol).join(',');
    const bySymbol = (page) => new Map(page.items.map((r) => [r.symbol, r]));
    const none = () => new Map();
    return Promise.all([
      symbols ? get('/api/v1/recommendations' + qs({symbols, size: SHOWN})).then(bySymbol, none) : none(),
      symbols ? get('/api/v1/technicals' + qs({symbols})).then(bySymbol, none) : none(),
    ]).then(([rated, technical]) => ({all, items, rated, technical}));
  });
  section(list, 'instruments', loaded, ({all, items, rated, technical}) => {
    const r = (i) => rated.get(i.symbol) || {};
    const verdict = (i) => (technical.get(i.symbol) || {}).verdict;
    return h('div', {}, table('Instruments with their latest price, recommendation and data coverage', [
      {label: 'Symbol', value: (i) => h('a', {href: '#/stock/' + enc(i.symbol), text: i.symbol})},
      {label: 'Name', value: (i) => i.name, class: 'hide-narrow'},
      {label: 'Last', value: (i) => money(r(i).price), class: 'n'},
      {label: '1 day', value: (i) => pct(r(i).change1d, 2, true), class: 'n', cls: (i) => 'n ' + signClass(r(i).change1d)},
      {label: 'Recommendation', value: (i) => (r(i).band ? h('span', {class: bandClass(r(i).band), text: bandLabel(r(i).band)}) : '—')},
      {label: 'Technical rating', value: (i) => (verdict(i) ? h('span', {class: bandClass(verdict(i)), text: bandLabel(verdict(i))}) : '—'), class: 'hide-narrow'},
      {label: 'Sector', value: (i) => i.sector || '—', class: 'hide-narrow'},
      {label: 'Data', value: (i) => (i.firstDate ? i.firstDate + ' … ' + i.lastDate : 'no bars yet'), class: 'hide-narrow'},
      {label: 'Bars', value: (i) => String(i.bars), class: 'n hide-narrow'},
    ], items, {captionHidden: true}),
    h('p', {class: 'muted small', text: 'Last close and its change on each instrument\'s own last bar (the bundled histories end between 2001 and 2020); recommendation and technical rating as of that bar, — with too little history.'}),
    all.length > SHOWN ? h('p', {class: 'muted', text: `${all.length - SHOWN} more: use the search box or the `}, h('a', {href: '#/ranking', text: 'ranking'}), '.') : null);
  });
  return null;
}

export async function renderRanking(main, _params, query) {
  const state = {band: query.get('band') || '', sector: query.get('sector') || ''};
  const results = h('div', {id: 'ranking-results', 'aria-live': 'polite'});
  const bandSelect = h('select', {id: 'filter-band', name: 'band'},
    h('option', {value: '', text: 'All bands'}), BANDS.map((b) => h('option', {value: b, text: bandLabel(b), selected: b === state.band})));
  const sectorSelect = h('select', {id: 'filter-sector', name: 'sector'}, h('option', {value: '', text: 'All sectors'}));
  main.append(
    h('h1', {text: 'Ranking'}),
    h('p', {class: 'lead', text: 'The universe sorted by recommendation score (−1 strong sell … +1 strong buy), each as of its own last bar.'}),
    h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter the ranking', onsubmit: (e) => e.preventDefault()},
      h('label', {for: 'filter-band', text: 'Band'}), bandSelect,
      h('label', {for: 'filter-sector', text: 'Sector'}), sectorSelect),
    results);

  get('/api/v1/instruments').then((items) => {
    const sectors = [...new Set(items.map((i) => i.sector).filter(Boolean))].sort();
    sectors.forEach((s) => sectorSelect.append(h('option', {value: s, text: s, selected: s === state.sector})));
  }).catch(() => {});

  const load = () => {
    setQuery({band: state.band, sector: state.sector});
    return section(results, 'ranking', get('/api/v1/recommendations' + qs({band: state.band, sector: state.sector, sort: 'score', size: 100})), (page) =>
      page.items.length
        ? h('div', {},
          h('p', {class: 'muted small', text: `${page.total} instruments · model ${page.modelVersion}${page.unrated ? ' · ' + page.unrated + ' without enough history' : ''}`}),
          table('Instruments by recommendation score', [
            {label: 'Symbol', value: (i) => h('a', {href: '#/stock/' + enc(i.symbol), text: i.symbol})},
            {label: 'Name', value: (i) => i.name, class: 'hide-narrow'},
            {label: 'Band', value: (i) => h('span', {class: bandClass(i.band), text: bandLabel(i.band)})},
            {label: 'Score', value: (i) => num(i.score), class: 'n'},
            {label: 'Confidence', value: (i) => pct(i.confidence, 0), class: 'n hide-narrow'},
            {label: 'Price', value: (i) => money(i.price), class: 'n'},
            {label: '1 day', value: (i) => pct(i.change1d, 2, true), class: 'n', cls: (i) => 'n ' + signClass(i.change1d)},
            {label: 'Sector', value: (i) => i.sector || '—', class: 'hide-narrow'},
            {label: 'As of', value: (i) => i.asOf, class: 'hide-narrow'},
          ], page.items, {class: 'data ranking', captionHidden: true}))
        : h('p', {class: 'empty-state', text: 'No instrument matches these filters.'}));
  };
  bandSelect.addEventListener('change', () => { state.band = bandSelect.value; load(); });
  sectorSelect.addEventListener('change', () => { state.sector = sectorSelect.value; load(); });
  await load();
  return null;
}
