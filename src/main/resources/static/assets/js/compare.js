// Compare up to five instruments: performance normalised to 100 at the start, and a statistics table.
import {get, qs, enc} from './api.js';
import {h, replace, num, pct, signClass, table} from './format.js';
import {errorBox, loading, setQuery} from './router.js';
import {mount, linesOption} from './charts.js';

const MAX = 5;

export async function renderCompare(main, _params, query) {
  const chosen = new Set((query.get('s') || '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean).slice(0, MAX));
  const picker = h('fieldset', {class: 'picker'}, h('legend', {text: `Instruments (up to ${MAX})`}));
  const out = h('div', {id: 'compare-results', 'aria-live': 'polite'});
  main.append(h('h1', {text: 'Compare'}), h('section', {class: 'panel'}, picker, out));
  let chart = null;

  let instruments;
  try {
    instruments = await get('/api/v1/instruments');
  } catch (e) {
    replace(out, errorBox(e));
    return null;
  }
  const boxes = instruments.map((i) => h('input', {type: 'checkbox', name: 'symbol', value: i.symbol, id: 'cmp-' + i.symbol, checked: chosen.has(i.symbol)}));
  const limit = () => boxes.forEach((b) => { b.disabled = !b.checked && chosen.size >= MAX; });
  boxes.forEach((b, n) => {
    picker.append(h('label', {class: 'toggle', for: b.id}, b, ' ' + instruments[n].symbol + ' ', h('span', {class: 'muted small', text: instruments[n].name})));
    b.addEventListener('change', () => { if (b.checked) chosen.add(b.value); else chosen.delete(b.value); limit(); draw(); });
  });
  limit();

  let seq = 0;
  const draw = async () => {
    const mine = ++seq;
    const symbols = instruments.map((i) => i.symbol).filter((s) => chosen.has(s));
    setQuery(symbols.length ? {s: symbols.join(',')} : {});
    if (chart) { chart.dispose(); chart = null; }
    if (symbols.length < 2) {
      replace(out, h('p', {class: 'empty-state', text: 'Choose two to five instruments to compare.'}));
      return;
    }
    const picked = instruments.filter((i) => chosen.has(i.symbol));
    const start = picked.map((i) => i.firstDate).sort().at(-1);
    const end = picked.map((i) => i.lastDate).sort()[0];
    const common = start < end;
    const rangeOf = (i) => (common ? {start, end} : {start: i.firstDate, end: i.lastDate});
    replace(out, loading('comparison'));
    try {
      const [series, stats] = await Promise.all([
        Promise.all(picked.map((i) => get('/api/v1/instruments/' + enc(i.symbol) + '/bars' + qs(rangeOf(i))))),
        Promise.all(picked.map((i) => get('/api/v1/instruments/' + enc(i.symbol) + '/statistics' + qs({...rangeOf(i), benchmark: i.symbol === 'SPX' ? undefined : 'SPX'}))
          .catch((e) => ({symbol: i.symbol, error: e})))),
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
        ], stats, {class: 'data compare-stats'}));
      chart = mount(box, 'Normalised performance of ' + symbols.join(', ') + '; the statistics table below has the numbers.', 360);
      chart.set(linesOption(dates, lines, {yName: 'start = 100', narrow: window.innerWidth < 600}));
      box.dataset.ready = 'true';
    } catch (e) {
      if (mine === seq) replace(out, errorBox(e));
    }
  };
  await draw();
  return () => { if (chart) chart.dispose(); };
}
