// Compare up to five instruments: performance normalised to 100 at the start, and a statistics table.
import {get, qs, enc} from './api.js';
import {h, replace, num, pct, signClass, table} from './format.js';
import {errorBox, loading, setQuery} from './router.js';
import {mount, linesOption} from './charts.js';
import {statisticsCards} from './stock.js';

const MAX = 5;

export async function renderCompare(main, _params, query) {
  const chosen = [...new Set((query.get('s') || '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))].slice(0, MAX);
  const chips = h('ul', {class: 'chips', 'aria-label': 'Chosen instruments'});
  const message = h('div', {class: 'form-message'});
  const input = h('input', {id: 'compare-symbol', name: 'symbol', list: 'compare-options', autocomplete: 'off', class: 'symbol-input', placeholder: 'e.g. MSFT', maxlength: 20});
  const options = h('datalist', {id: 'compare-options'});
  const addButton = h('button', {type: 'submit', text: 'Add'});
  const picker = h('form', {class: 'inline-form picker', id: 'compare-form', onsubmit: (e) => { e.preventDefault(); add(input.value); }},
    h('label', {for: input.id, text: `Add an instrument (up to ${MAX})`}), input, options, addButton, message);
  const out = h('div', {id: 'compare-results', 'aria-live': 'polite'});
  main.append(h('h1', {text: 'Compare'}), h('section', {class: 'panel'}, picker, chips, out));
  let chart = null;
  let portfolio = null;
  // a link may carry a portfolio (w=60,40&rb=monthly): simulated as soon as the page is drawn, once
  let linked = query.get('w') ? {w: query.get('w').split(','), rb: query.get('rb')} : null;

  let instruments;
  try {
    instruments = await get('/api/v1/instruments');
  } catch (e) {
    replace(out, errorBox(e));
    return null;
  }
  const known = new Map(instruments.map((i) => [i.symbol, i]));
  // suggestions: the instruments with history first (a large universe stays usable: the browser filters as you type)
  [...instruments].sort((a, b) => (b.bars || 0) - (a.bars || 0))
    .forEach((i) => options.append(h('option', {value: i.symbol, text: i.name})));

  const showChips = () => {
    replace(chips, chosen.map((s) => h('li', {},
      h('span', {class: 'chip-sym', text: s}), ' ', h('span', {class: 'muted small', text: known.has(s) ? known.get(s).name : ''}),
      h('button', {type: 'button', class: 'link chip-remove', 'aria-label': 'Remove ' + s, text: '×',
        onclick: () => { chosen.splice(chosen.indexOf(s), 1); showChips(); draw(); }}))));
    addButton.disabled = input.disabled = chosen.length >= MAX;
  };
  const add = (value) => {
    replace(message);
    const s = value.trim().toUpperCase();
    if (!s) return;
    if (!known.has(s)) { replace(message, h('p', {class: 'alert', role: 'alert', text: `No instrument with symbol '${s}'.`})); return; }
    if (!chosen.includes(s) && chosen.length < MAX) chosen.push(s);
    input.value = '';
    showChips();
    draw();
  };
  for (let i = chosen.length - 1; i >= 0; i--) if (!known.has(chosen[i])) chosen.splice(i, 1);
  showChips();

  let seq = 0;
  const draw = async () => {
    const mine = ++seq;
    const symbols = [...chosen];
    setQuery(symbols.length ? {s: symbols.join(',')} : {});
    if (chart) { chart.dispose(); chart = null; }
    if (portfolio) { portfolio.dispose(); portfolio = null; }
    if (symbols.length < 2) {
      replace(out, h('p', {class: 'empty-state', text: 'Choose two to five instruments to compare.'}));
      return;
    }
    const picked = symbols.map((s) => known.get(s));
    const start = picked.map((i) => i.firstDate).sort().at(-1);
    const end = picked.map((i) => i.lastDate).sort()[0];
    const common = start < end;
    const rangeOf = (i) => (common ? {start, end} : {start: i.firstDate, end: i.lastDate});
    replace(out, loading('comparison'));
    try {
      const [series, stats, corr] = await Promise.all([
        Promise.all(picked.map((i) => get('/api/v1/instruments/' + enc(i.symbol) + '/bars' + qs(rangeOf(i))))),
        Promise.all(picked.map((i) => get('/api/v1/instruments/' + enc(i.symbol) + '/statistics' + qs({...rangeOf(i), benchmark: i.symbol === 'SPX' ? undefined : 'SPX'}))
          .catch((e) => ({symbol: i.symbol, error: e})))),
        get('/api/v1/correlations' + qs({symbols: symbols.join(','), ...(common ? {start, end} : {})})).catch((e) => ({error: e})),
      ]);
      if (mine !== seq) return;
      const dates = [...new Set(series.flatMap((s) => s.bars.map((b) => b.date)))].sort();
      const lines = series.map((s) => {
        const base = s.bars.length ? s.bars[0].adjClose || s.bars[0].close : 1;
        const byDate = new Map(s.bars.map((b) => [b.date, 100 * (b.adjClose || b.close) / base]));
        return {name: s.symbol, values: dates.map((d) => (byDate.has(d) ? byDate.get(d) : null))};
      });
      const box = h('div', {id: 'compare-chart'});
      replace(out,
        h('p', {class: 'muted', text: common
          ? `Common period ${start} … ${end}; each line starts at 100.`
          : 'These instruments have no period in common: each line starts at 100 on its own first bar.'}),
        box,
        table('Statistics over the compared period', [
          {label: 'Symbol', value: (s) => s.symbol},
          {label: 'Period', value: (s) => (s.error ? '—' : s.start + ' … ' + s.end), class: 'hide-narrow'},
          {label: 'Return', value: (s) => (s.error ? s.error.friendly : pct(s.totalReturn, 1, true)), class: 'n', cls: (s) => 'n ' + signClass(s.totalReturn)},
          {label: 'CAGR', value: (s) => pct(s.cagr, 1, true), class: 'n'},
          {label: 'Volatility', value: (s) => pct(s.annualizedVolatility, 1), class: 'n'},
          {label: 'Sharpe', value: (s) => num(s.sharpeRatio), class: 'n'},
          {label: 'Max drawdown', value: (s) => pct(s.maxDrawdown && s.maxDrawdown.depth, 1), class: 'n'},
          {label: 'Beta vs SPX', value: (s) => (s.benchmark ? num(s.benchmark.beta) : '—'), class: 'n'},
        ], stats, {class: 'data compare-stats'}),
        correlationTable(corr),
        (portfolio = portfolioPanel(symbols, common ? {start, end} : {}, linked)).el);
      linked = null;
      chart = mount(box, 'Normalised performance of ' + symbols.join(', ') + '; the statistics table below has the numbers.', 360);
      chart.set(linesOption(dates, lines, {yName: 'start = 100', narrow: window.innerWidth < 600, time: !common}));
      box.dataset.axis = common ? 'category' : 'time';
      box.dataset.ready = 'true';
    } catch (e) {
      if (mine === seq) replace(out, errorBox(e));
    }
  };
  await draw();
  return () => { if (chart) chart.dispose(); if (portfolio) portfolio.dispose(); };
}

/** Pairwise correlations of daily returns, each pair on the dates both have; "—" where a pair has none. */
function correlationTable(corr) {
  if (corr.error) return h('div', {id: 'compare-correlations'}, errorBox(corr.error));
  const cell = (v) => (v === null ? '—' : num(v));
  return h('div', {id: 'compare-correlations'},
    table('Correlation of daily returns', [
      {label: 'Symbol', value: (i) => corr.symbols[i]},
      ...corr.symbols.map((sym, j) => ({label: sym, value: (i) => cell(corr.matrix[i][j]), class: 'n',
        cls: (i) => 'n ' + (i === j ? 'muted' : signClass(corr.matrix[i][j] || 0))})),
    ], corr.symbols.map((_, i) => i), {class: 'data compare-correlations'}),
    h('p', {class: 'muted small', text: 'Pearson correlation of the daily returns of adjusted closes, each pair over the dates both have'
      + (corr.start ? ' from ' + corr.start + ' to ' + corr.end : '') + '. ' + (corr.notice || '')}));
}

/**
 * The chosen instruments as one portfolio: relative weights (equal to start with) and a rebalancing rule, simulated
 * by the API over the common period; its statistics, its value and what each holding contributed.
 */
function portfolioPanel(symbols, range, linked) {
  const weights = symbols.map((s) => h('input', {type: 'number', id: 'weight-' + s, name: 'weight-' + s, class: 'weight-input',
    min: '0', step: 'any', required: true, value: String(Math.round(10000 / symbols.length) / 100)}));
  const rebalance = h('select', {id: 'portfolio-rebalance', name: 'rebalance'},
    [['none', 'never (buy and hold)'], ['monthly', 'monthly'], ['quarterly', 'quarterly'], ['yearly', 'yearly'], ['daily', 'daily']]
      .map(([value, text]) => h('option', {value, text})));
  const result = h('div', {id: 'portfolio-result', 'aria-live': 'polite'});
  let chart = null;
  const run = async () => {
    const holdings = symbols.map((s, i) => s + ':' + weights[i].value.trim()).join(',');
    // the link keeps the portfolio, so that it can be bookmarked or shared
    setQuery({s: symbols.join(','), w: weights.map((x) => x.value.trim()).join(','), rb: rebalance.value});
    replace(result, loading('portfolio'));
    try {
      const r = await get('/api/v1/portfolio' + qs({holdings, rebalance: rebalance.value, ...range}));
      if (chart) { chart.dispose(); chart = null; }
      const box = h('div', {id: 'portfolio-chart'});
      replace(result,
        statisticsCards({...r.statistics, start: r.start, end: r.end, benchmark: r.benchmark, symbol: 'portfolio'}),
        box,
        table('Holdings', [
          {label: 'Symbol', value: (x) => x.symbol},
          {label: 'Target weight', value: (x) => pct(x.weight, 1), class: 'n'},
          {label: 'Own return', value: (x) => pct(x.totalReturn, 1, true), class: 'n', cls: (x) => 'n ' + signClass(x.totalReturn)},
          {label: 'Contribution', value: (x) => pct(x.contribution, 1, true), class: 'n', cls: (x) => 'n ' + signClass(x.contribution)},
          {label: 'Weight at the end', value: (x) => pct(x.finalWeight, 1), class: 'n'},
        ], r.holdings, {class: 'data portfolio-holdings'}),
        h('p', {class: 'muted small', text: `${r.days} common dates; rebalanced ${r.rebalances} times; adjusted closes, no costs.${r.notice ? ' ' + r.notice : ''}`}));
      chart = mount(box, 'Value of the portfolio and of its benchmark, 100 at the start; the numbers are in the cards above.', 280);
      const lines = [{name: 'Portfolio', values: r.values.values.map((v) => 100 * v)}];
      if (r.values.benchmark) lines.push({name: r.benchmark.symbol, values: r.values.benchmark.map((v) => (v === null ? null : 100 * v))});
      chart.set(linesOption(r.values.dates, lines, {yName: 'start = 100', narrow: window.innerWidth < 600}));
      box.dataset.series = lines.map((l) => l.name).join('|');
      box.dataset.ready = 'true';
    } catch (e) {
      replace(result, errorBox(e));
    }
  };
  const el = h('section', {class: 'portfolio', 'aria-labelledby': 'portfolio-title'},
    h('h2', {id: 'portfolio-title', text: 'As a portfolio'}),
    h('form', {class: 'inline-form portfolio-form', id: 'portfolio-form', onsubmit: (e) => { e.preventDefault(); run(); }},
      ...symbols.flatMap((s, i) => [h('label', {for: weights[i].id, class: 'weight-label', text: s}), weights[i]]),
      h('label', {for: rebalance.id, text: 'Rebalance'}), rebalance,
      h('button', {type: 'submit', text: 'Simulate'})),
    h('p', {class: 'muted small', text: 'Weights are relative (60 and 40 are 60 % and 40 %). The value is simulated over the dates every instrument has.'}),
    result);
  if (linked && linked.w.length === symbols.length) {
    linked.w.forEach((w, i) => { weights[i].value = w; });
    if ([...rebalance.options].some((o) => o.value === linked.rb)) rebalance.value = linked.rb;
    setTimeout(run); // once the panel is on the page
  }
  return {el, dispose: () => { if (chart) chart.dispose(); }};
}
