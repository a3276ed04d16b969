// The stock page: headline numbers, the interactive chart, statistics, the explained recommendation, the technical
// rating, the backtest.
import {ApiError, get, qs, enc, currentUser} from './api.js';
import {h, replace, num, pct, int, money, signClass, bandLabel, bandClass, addDays, addMonths, table} from './format.js';
import {errorBox, errorText, loading, section, currentQuery, setQuery} from './router.js';
import {mount, stockOption, linesOption} from './charts.js';
import {addToWatchlistControl} from './watchlists.js';

const RANGES = [['1M', 1], ['6M', 6], ['1Y', 12], ['5Y', 60], ['Max', 0]];
const INTERVALS = [['daily', 'D', 'Daily bars'], ['weekly', 'W', 'Weekly bars'], ['monthly', 'M', 'Monthly bars']];
const INDICATORS = 'sma:50,ema:20,bbands:20:2,rsi:14,macd:12:26:9';
const MAX_EXTRA = 6;
let catalogPromise = null;
/** The indicator catalogue (names, parameters, output columns and their scales), fetched once per page load. */
const catalog = () => (catalogPromise ||= get('/api/v1/indicators').catch((e) => { catalogPromise = null; throw e; }));

/**
 * The columns of a canonical spec ('keltner:20:10:2') with the catalogue's scale of each: a column is its output
 * prefix followed by the parameters, each after an underscore.
 */
function specColumns(defs, canonical) {
  const name = canonical.split(':')[0];
  const def = defs.find((d) => d.name === name);
  const suffix = canonical.slice(name.length).replaceAll(':', '_');
  return def ? def.outputs.map((o) => ({column: o.prefix + suffix, scale: o.scale})) : [];
}

export async function renderStock(main, {symbol}) {
  symbol = symbol.toUpperCase();
  const query = currentQuery();
  const charts = [];
  const head = h('section', {class: 'stock-head', 'aria-labelledby': 'stock-title'});
  main.append(head);
  replace(head, loading(symbol));
  let instrument;
  try {
    instrument = await get('/api/v1/instruments/' + enc(symbol));
  } catch (e) {
    replace(head, h('h1', {id: 'stock-title', text: symbol}), errorBox(e));
    return null;
  }

  const headline = h('div', {class: 'headline'});
  replace(head,
    h('div', {class: 'title-row'},
      h('h1', {id: 'stock-title'}, h('span', {class: 'sym', text: instrument.symbol}), ' ', h('span', {class: 'name', text: instrument.name})),
      currentUser() ? addToWatchlistControl(instrument.symbol) : null),
    h('p', {class: 'muted', text: [instrument.exchange, instrument.currency, instrument.sector, instrument.kind,
      instrument.firstDate ? 'data ' + instrument.firstDate + ' … ' + instrument.lastDate : 'no bars yet'].filter(Boolean).join(' · ')}),
    headline);
  section(headline, 'headline numbers', get('/api/v1/instruments/' + enc(symbol) + '/report'), (r) => headlineCards(r));

  // chart with range, overlays and panes
  const state = {
    range: RANGES.some(([k]) => k === query.get('range')) ? query.get('range') : '1Y',
    interval: INTERVALS.some(([k]) => k === query.get('iv')) ? query.get('iv') : 'daily',
    sma: query.get('sma') !== '0', ema: query.get('ema') === '1', bb: query.get('bb') === '1',
    rsi: query.get('rsi') !== '0', macd: query.get('macd') === '1',
    // more indicators, as canonical specs (the server's spelling, defaults filled in)
    extra: (query.get('ind') || '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, MAX_EXTRA),
    defs: [],
  };
  const chartBox = h('div', {id: 'price-chart'});
  const chartStatus = h('div', {class: 'chart-status'});
  const chartTable = h('div');
  const statsBox = h('div', {id: 'statistics'});
  const rangeButtons = RANGES.map(([key]) => h('button', {type: 'button', class: 'seg', 'aria-pressed': String(key === state.range), 'data-range': key, text: key,
    onclick: () => { state.range = key; rangeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === key))); load(); }}));
  const intervalButtons = INTERVALS.map(([key, short, label]) => h('button', {type: 'button', class: 'seg', 'aria-pressed': String(key === state.interval), 'data-interval': key, text: short, title: label, 'aria-label': label,
    onclick: () => { state.interval = key; intervalButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.interval === key))); load(); }}));
  // "More indicators": any catalogue entry with its parameters; each is checked by the API before it is added
  const pickerSelect = h('select', {id: 'indicator-name', name: 'indicator'});
  const pickerParams = h('input', {id: 'indicator-params', name: 'params', class: 'params-input', autocomplete: 'off', maxlength: 60,
    'aria-describedby': 'indicator-hint'});
  const pickerHint = h('span', {id: 'indicator-hint', class: 'muted small'});
  const pickerMessage = h('div', {class: 'form-message', 'aria-live': 'polite'});
  const pickerAdd = h('button', {type: 'submit', text: 'Add'});
  const extraChips = h('ul', {class: 'chips', 'aria-label': 'Added indicators'});
  const indicatorPicker = h('div', {class: 'indicator-picker'},
    h('form', {class: 'inline-form', id: 'indicator-form', onsubmit: (e) => { e.preventDefault(); addIndicator(); }},
      h('label', {for: pickerSelect.id, text: 'More indicators'}), pickerSelect,
      h('label', {for: pickerParams.id, class: 'visually-hidden', text: 'Parameters'}), pickerParams, pickerAdd, pickerHint),
    pickerMessage, extraChips);
  const showHint = () => {
    const def = state.defs.find((d) => d.name === pickerSelect.value);
    if (!def) return;
    pickerParams.value = def.example.split(':').slice(1).join(':');
    pickerParams.disabled = def.parameters.length === 0;
    pickerParams.placeholder = def.parameters.length ? def.parameters.map((p) => p.name).join(':') : 'no parameters';
    replace(pickerHint, def.parameters.length
      ? def.description + ' — ' + def.parameters.map((p) => `${p.name} ${num(p.min, p.integer ? 0 : 2)}–${num(p.max, p.integer ? 0 : 2)}`).join(', ')
      : def.description);
  };
  pickerSelect.addEventListener('change', showHint);
  const showChips = () => {
    replace(extraChips, state.extra.map((spec) => h('li', {},
      h('span', {class: 'chip-sym', text: spec}),
      h('button', {type: 'button', class: 'link chip-remove', 'aria-label': 'Remove ' + spec, text: '×',
        onclick: () => { state.extra = state.extra.filter((x) => x !== spec); showChips(); load(); }}))));
    pickerAdd.disabled = state.extra.length >= MAX_EXTRA;
  };
  // one bar, with its warm-up from the history before it: the API checks the spec and that there is enough data,
  // and answers its own spelling of it (defaults filled in: cci -> cci:20)
  const checkSpec = async (spec) =>
    (await get('/api/v1/instruments/' + enc(symbol) + '/indicators' + qs({names: spec, start: instrument.lastDate, end: instrument.lastDate}))).specs[0];
  const addIndicator = async () => {
    const params = pickerParams.disabled ? '' : pickerParams.value.trim().replace(/^:+|:+$/g, '');
    const spec = pickerSelect.value + (params ? ':' + params : '');
    replace(pickerMessage);
    if (!instrument.lastDate) return;
    pickerAdd.disabled = true;
    try {
      const canonical = await checkSpec(spec);
      if (!state.extra.includes(canonical)) state.extra.push(canonical);
      showChips();
      load();
    } catch (e) {
      replace(pickerMessage, errorBox(e));
    } finally {
      pickerAdd.disabled = state.extra.length >= MAX_EXTRA;
    }
  };
  catalog().then((defs) => {
    state.defs = defs;
    replace(pickerSelect, defs.map((d) => h('option', {value: d.name, text: d.name})));
    pickerSelect.value = 'psar';
    if (!pickerSelect.value) pickerSelect.selectedIndex = 0;
    showHint();
    showChips();
    if (data) draw();
  }).catch((e) => replace(pickerMessage, errorBox(e)));
  const toggle = (key, label) => h('label', {class: 'toggle'},
    h('input', {type: 'checkbox', name: key, checked: state[key], onchange: (e) => { state[key] = e.target.checked; draw(); }}), ' ' + label);
  main.append(
    h('section', {class: 'panel', 'aria-labelledby': 'chart-title'},
      h('h2', {id: 'chart-title', text: 'Price chart'}),
      h('div', {class: 'chart-controls'},
        h('div', {class: 'segmented', role: 'group', 'aria-label': 'Range (relative to the last bar)'}, rangeButtons),
        h('div', {class: 'segmented', role: 'group', 'aria-label': 'Bar interval'}, intervalButtons),
        h('fieldset', {class: 'toggles'}, h('legend', {text: 'Overlays'}), toggle('sma', 'SMA 50'), toggle('ema', 'EMA 20'), toggle('bb', 'Bollinger 20, 2')),
        h('fieldset', {class: 'toggles'}, h('legend', {text: 'Panes'}), toggle('rsi', 'RSI 14'), toggle('macd', 'MACD 12/26/9'))),
      indicatorPicker,
      chartStatus, chartBox, chartTable),
    h('section', {class: 'panel', 'aria-labelledby': 'stats-title'},
      h('h2', {id: 'stats-title', text: 'Statistics over the selected range'}), statsBox));

  const chart = mount(chartBox, 'Candlestick chart of ' + symbol + ' with volume and indicators; the numbers are in the table below.', 480);
  charts.push(chart);
  let data = null;

  const draw = () => {
    setQuery({range: state.range, ...(state.interval === 'daily' ? {} : {iv: state.interval}), sma: state.sma ? '1' : '0', ema: state.ema ? '1' : '0', bb: state.bb ? '1' : '0', rsi: state.rsi ? '1' : '0', macd: state.macd ? '1' : '0',
      ...(state.extra.length ? {ind: state.extra.join(',')} : {})});
    if (!data) return;
    const extra = state.extra.map((spec) => ({spec, columns: specColumns(state.defs, spec)}));
    const {option, height} = stockOption(data, {...state, extra}, window.innerWidth < 600);
    chart.height(height);
    chart.set(option);
    chartBox.dataset.series = option.series.map((s) => s.name).join('|');
  };

  let loadSeq = 0;
  const load = async () => {
    const mine = ++loadSeq;
    if (!instrument.lastDate) {
      replace(chartStatus, h('p', {class: 'empty-state', text: 'No daily bars stored for ' + symbol + ' yet.'}));
      replace(statsBox, h('p', {class: 'empty-state', text: 'No statistics without bars.'}));
      return;
    }
    const months = RANGES.find(([k]) => k === state.range)[1];
    const start = months ? maxDate(addMonths(instrument.lastDate, -months), instrument.firstDate) : instrument.firstDate;
    const range = {start, end: instrument.lastDate};
    replace(chartStatus, loading('chart data'));
    chartBox.dataset.ready = 'false';
    section(statsBox, 'statistics', get('/api/v1/instruments/' + enc(symbol) + '/statistics' + qs({...range, benchmark: symbol === 'SPX' ? undefined : 'SPX'})), statisticsCards);
    try {
      // the candles do not wait for (or fail with) the indicators: a short history has bars but no indicators
      // weekly and monthly candles are built here from the adjusted days, as the API builds the bars of its
      // indicators; the days from the start of the first week or month are fetched, so that the first candle is whole
      const interval = state.interval;
      const daysFrom = interval === 'weekly' ? addDays(start, -6) : interval === 'monthly' ? start.slice(0, 8) + '01' : start;
      const [bars, ind] = await Promise.all([
        get('/api/v1/instruments/' + enc(symbol) + '/bars' + qs({...range, start: daysFrom})),
        get('/api/v1/instruments/' + enc(symbol) + '/indicators' + qs({...range, names: [INDICATORS, ...state.extra].join(','), prices: 'adjusted',
          interval: interval === 'daily' ? undefined : interval}))
          .catch((e) => ({dates: [], columns: {}, notice: 'Indicators unavailable: ' + (e.friendly || e.message)})),
      ]);
      if (mine !== loadSeq) return;
      const adjusted = aggregate(adjust(bars.bars), interval).filter((b) => b.date >= start);
      data = chartData(adjusted, ind);
      // say what the adjustment is from the data itself: provider bars and many uploads carry no dividend adjustment
      const basis = bars.bars.some((b) => b.adjClose !== b.close)
        ? "prices scaled by the data's adjusted close (its adjustment for dividends and splits)"
        : "prices as stored (the data's adjusted close equals its close over this range)";
      replace(chartStatus, h('p', {class: 'muted small', text: `${int(adjusted.length)} ${interval} bars, ${range.start} … ${range.end}, ${basis}, as the statistics and the recommendation read them. Drag or scroll on the chart to zoom.${ind.notice ? ' ' + ind.notice : ''}`}));
      draw();
      replace(chartTable, numbersTable(symbol, adjusted, data, state.extra.flatMap((spec) => specColumns(state.defs, spec).map((c) => c.column))));
      chartBox.dataset.ready = 'true';
    } catch (e) {
      if (mine !== loadSeq) return;
      replace(chartStatus, errorBox(e));
    }
  };
  // A link may carry specs written by hand (cci, a typo, a period out of range): each is checked as the picker checks
  // it, kept in the API's spelling, or left out with the API's reason — one bad spec does not take the chart's
  // indicators down with it.
  const linked = state.extra;
  state.extra = [];
  (instrument.lastDate && linked.length ? Promise.allSettled(linked.map(checkSpec)) : Promise.resolve([])).then((results) => {
    const refused = [];
    results.forEach((r, i) => {
      const spec = r.status === 'fulfilled' ? r.value : linked[i];
      if (r.status === 'rejected' && r.reason instanceof ApiError && (r.reason.status === 400 || r.reason.status === 422)) {
        refused.push(h('li', {}, h('code', {text: spec}), ': ', errorText(r.reason)));
      } else if (!state.extra.includes(spec)) {
        // checked, or not checkable now (rate limit, network): kept as written, and the chart says if it fails
        state.extra.push(spec);
      }
    });
    if (refused.length) {
      replace(pickerMessage, h('div', {class: 'alert', role: 'alert'},
        h('strong', {text: 'Left out of the link’s indicators:'}), h('ul', {}, refused)));
    }
    showChips();
    load();
  });

  // recommendation, technical rating and backtest
  const rec = h('section', {class: 'panel', 'aria-labelledby': 'rec-title', id: 'recommendation'});
  const tech = h('section', {class: 'panel', 'aria-labelledby': 'tech-title', id: 'technicals'});
  const bt = h('section', {class: 'panel', 'aria-labelledby': 'bt-title', id: 'backtest'});
  main.append(rec, tech, bt);
  const recBody = h('div');
  replace(rec, h('h2', {id: 'rec-title', text: 'Recommendation'}), recBody);
  section(recBody, 'recommendation', get('/api/v1/instruments/' + enc(symbol) + '/recommendation'), recommendationView);
  const techBody = h('div');
  const techInterval = h('select', {id: 'tech-interval', name: 'interval'},
    ['daily', 'weekly', 'monthly'].map((v) => h('option', {value: v, text: v[0].toUpperCase() + v.slice(1) + ' bars'})));
  const loadTechnicals = () => section(techBody, 'technical rating',
    get('/api/v1/instruments/' + enc(symbol) + '/technicals' + qs({interval: techInterval.value === 'daily' ? undefined : techInterval.value})), technicalsView);
  techInterval.addEventListener('change', loadTechnicals);
  replace(tech, h('h2', {id: 'tech-title', text: 'Technical rating'}),
    h('form', {class: 'filters', onsubmit: (e) => e.preventDefault()}, h('label', {for: 'tech-interval', text: 'Rate'}), techInterval),
    techBody);
  loadTechnicals();
  const btBody = h('div');
  replace(bt, h('h2', {id: 'bt-title', text: 'Backtest: the model\u2019s walk-forward track record'}), btBody);
  section(btBody, 'backtest', get('/api/v1/instruments/' + enc(symbol) + '/backtest'), (r) => backtestView(r, charts));
  main.append(strategyPanel(symbol, charts));

  const onResize = () => draw();
  window.addEventListener('resize', onResize);
  return () => { window.removeEventListener('resize', onResize); charts.forEach((c) => c.dispose()); };
}

const maxDate = (a, b) => (a > b ? a : b);

/**
 * Bars with open, high, low and close times their adjustment factor adjClose / close: the prices the indicators
 * (prices=adjusted), the statistics and the recommendation read, so the candles, the overlays, the RSI and MACD panes
 * and the cards above agree. Volume as stored.
 */
function adjust(bars) {
  return bars.map((b) => {
    const f = b.adjClose / b.close;
    return {...b, open: b.open * f, high: b.high * f, low: b.low * f, close: b.adjClose};
  });
}

/**
 * Weekly (ISO weeks, Monday first) or monthly bars from daily ones, as the API builds them: the first open, the
 * highest high, the lowest low, the last close, the summed volume, dated by the last day.
 */
function aggregate(bars, interval) {
  if (interval === 'daily') return bars;
  const period = (date) => (interval === 'monthly' ? date.slice(0, 7) : addDays(date, -((new Date(date + 'T00:00:00Z').getUTCDay() + 6) % 7)));
  const out = [];
  let key = null;
  for (const b of bars) {
    const k = period(b.date);
    const last = out[out.length - 1];
    if (k !== key) {
      out.push({...b});
      key = k;
    } else {
      Object.assign(last, {date: b.date, high: Math.max(last.high, b.high), low: Math.min(last.low, b.low), close: b.close, adjClose: b.adjClose, volume: last.volume + b.volume});
    }
  }
  return out;
}

function chartData(bars, ind) {
  const byDate = new Map((ind.dates || []).map((d, i) => [d, i]));
  const columns = {};
  for (const [name, values] of Object.entries(ind.columns || {})) {
    columns[name] = bars.map((b) => { const i = byDate.get(b.date); const v = i === undefined ? null : values[i]; return v === null || v === undefined ? '-' : v; });
  }
  return {
    dates: bars.map((b) => b.date),
    ohlc: bars.map((b) => [b.open, b.close, b.low, b.high]),
    volume: bars.map((b) => b.volume),
    up: bars.map((b) => b.close >= b.open),
    columns,
  };
}

function card(label, value, cls, hint) {
  return h('div', {class: 'card'}, h('div', {class: 'card-label', text: label}), h('div', {class: 'card-value ' + (cls || ''), text: value}), hint ? h('div', {class: 'card-hint', text: hint}) : null);
}

function headlineCards(r) {
  return h('div', {class: 'cards headline-cards'},
    card('Last price', money(r.lastPrice, r.currency), '', 'as of ' + r.asOf),
    card('1-day change', (r.change > 0 ? '+' : '') + num(r.change) + ' (' + (r.changePercent > 0 ? '+' : '') + num(r.changePercent) + ' %)', signClass(r.change)),
    card('52-week range', num(r.low52w) + ' – ' + num(r.high52w)),
    r.indicators ? card('RSI 14', num(r.indicators.rsi14, 1)) : null);
}

export function statisticsCards(s) {
  const b = s.benchmark;
  return h('div', {class: 'cards'},
    card('Total return', pct(s.totalReturn, 1, true), signClass(s.totalReturn), s.start + ' … ' + s.end),
    card('CAGR', pct(s.cagr, 1, true), signClass(s.cagr)),
    card('Volatility (annualised)', pct(s.annualizedVolatility, 1)),
    card('Sharpe ratio', num(s.sharpeRatio)),
    card('Max drawdown', pct(s.maxDrawdown && s.maxDrawdown.depth, 1), 'down', s.maxDrawdown && s.maxDrawdown.peak ? s.maxDrawdown.peak + ' → ' + s.maxDrawdown.trough : ''),
    card('Beta vs S&P 500', b ? num(b.beta) : '—', '', b ? 'correlation ' + num(b.correlation) : (s.symbol === 'SPX' ? 'this is the benchmark' : 'no overlap with SPX')));
}

function numbersTable(symbol, bars, data, extraColumns) {
  const last = bars.slice(-20).reverse();
  const offset = bars.length - 1;
  const col = (name, i) => { const v = data.columns[name] && data.columns[name][offset - i]; return typeof v === 'number' ? num(v) : '—'; };
  return h('details', {class: 'numbers'},
    h('summary', {text: 'Chart data as a table (last 20 bars, adjusted prices)'}),
    table('Last 20 daily bars of ' + symbol, [
      {label: 'Date', value: (r) => r.date},
      {label: 'Open', value: (r) => num(r.open), class: 'n'},
      {label: 'High', value: (r) => num(r.high), class: 'n'},
      {label: 'Low', value: (r) => num(r.low), class: 'n'},
      {label: 'Close', value: (r) => num(r.close), class: 'n'},
      {label: 'Volume', value: (r) => int(r.volume), class: 'n'},
      {label: 'SMA 50', value: (r) => col('sma_50', last.indexOf(r)), class: 'n'},
      {label: 'RSI 14', value: (r) => col('rsi_14', last.indexOf(r)), class: 'n'},
      ...extraColumns.map((c) => ({label: c, value: (r) => col(c, last.indexOf(r)), class: 'n'})),
    ], last));
}

function recommendationView(r) {
  return h('div', {},
    h('div', {class: 'rec-summary'},
      h('span', {class: bandClass(r.band), id: 'rec-band', text: bandLabel(r.band)}),
      h('span', {}, 'Score ', h('strong', {text: num(r.score)}), ' (−1 … +1)'),
      h('span', {}, 'Confidence ', h('strong', {text: pct(r.confidence, 0)})),
      h('span', {class: 'muted', text: 'as of ' + r.asOf + ' · model ' + r.modelVersion})),
    table('Why: one reason per factor', [
      {label: 'Factor', value: (x) => x.label},
      {label: 'Reading', value: (x) => x.sentence},
      {label: 'Weight', value: (x) => pct(x.weight, 0), class: 'n hide-narrow'},
      {label: 'Contribution', value: (x) => (x.contribution > 0 ? '+' : '') + num(x.contribution), class: 'n', cls: (x) => 'n ' + signClass(x.contribution)},
    ], r.reasons || [], {class: 'data reasons'}));
}

// The technical rating: three gauges as cards (oscillators, summary, moving averages), then every vote with its rule.
function technicalsView(t) {
  const gauge = (id, label, g) => h('div', {class: 'card', id},
    h('div', {class: 'card-label', text: label}),
    h('div', {class: 'card-value'}, g.verdict ? h('span', {class: bandClass(g.verdict), text: bandLabel(g.verdict)}) : '—'),
    h('div', {class: 'card-hint', text: `rating ${g.rating == null ? '—' : num(g.rating)} · buy ${g.buy} · neutral ${g.neutral} · sell ${g.sell}${g.unavailable ? ' · ' + g.unavailable + ' without enough history' : ''}`}));
  const shown = (c) => {
    const key = Object.keys(c.inputs).find((k) => k !== 'close' && !k.endsWith(']'));
    return key == null ? '—' : num(c.inputs[key]);
  };
  const votes = (caption, g) => table(caption, [
    {label: 'Indicator', value: (c) => c.name},
    {label: 'Value', value: shown, class: 'n'},
    {label: 'Vote', value: (c) => (c.signal ? h('span', {class: bandClass(c.signal), text: bandLabel(c.signal)}) : 'not enough history')},
    {label: 'Rule', value: (c) => c.rule, class: 'hide-narrow muted small'},
  ], g.components, {class: 'data votes'});
  return h('div', {},
    h('div', {class: 'cards'},
      gauge('tech-oscillators', 'Oscillators', t.oscillators),
      gauge('tech-summary', 'Summary', t),
      gauge('tech-averages', 'Moving averages', t.movingAverages)),
    h('p', {class: 'muted small', text: `As of ${t.date} (${String(t.interval).toLowerCase()} bars), on ${String(t.prices).toLowerCase()} prices. Each indicator votes buy (+1), neutral (0) or sell (−1) by its rule; a group's rating is the mean vote, the summary the mean of the two groups' (the rules of TradingView's published technical-ratings library, every one stated below). A reading of the present bar by fixed rules, separate from the recommendation above; how it did before is below.`}),
    h('details', {class: 'votes'},
      h('summary', {text: 'Every indicator\u2019s vote'}),
      votes('Oscillators', t.oscillators),
      votes('Moving averages', t.movingAverages)),
    h('div', {id: 'tech-calibration'}, calibrationTable(
      (t.calibration || []).map((c) => ({band: c.verdict, count: c.count, forward: (c.forward || []).map((f) => ({...f, horizonDays: f.horizonBars}))})),
      `How this rating did on ${t.symbol} before: average forward return after each verdict (${String(t.interval).toLowerCase()} bars)`,
      String(t.interval) === 'DAILY' ? 'days' : String(t.interval) === 'WEEKLY' ? 'weeks' : 'months')),
    t.backtest ? h('div', {id: 'tech-backtest'}, ratingBacktestTable(t.backtest)) : null);
}

// Trading on the rating against holding, over the same bars.
function ratingBacktestTable(b) {
  const rows = [{label: 'Trading on the rating', ...b.strategy}, {label: 'Buy and hold', ...b.buyAndHold}];
  return h('div', {},
    table(`Trading on this rating, ${b.start} … ${b.end}: long from the next bar's open after a buy or strong buy, flat after a sell or strong sell, ${num(b.costBps, 0)} bps a trade`, [
      {label: '', value: (x) => x.label},
      {label: 'Total return', value: (x) => pct(x.totalReturn, 1, true), class: 'n', cls: (x) => 'n ' + signClass(x.totalReturn)},
      {label: 'CAGR', value: (x) => pct(x.cagr, 1, true), class: 'n'},
      {label: 'Max drawdown', value: (x) => pct(x.maxDrawdown, 1), class: 'n'},
    ], rows, {class: 'data'}),
    h('p', {class: 'muted small', text: `${b.trades} trades, ${b.roundTrips} round trips${b.hitRate == null ? '' : ', hit rate ' + pct(b.hitRate, 0)}, long ${pct(b.exposure, 0)} of the time.`}));
}

// Your own rule, as screener conditions, backtested by /strategy: the same view as the model's backtest.
function strategyPanel(symbol, charts) {
  const buy = h('input', {id: 'rule-buy', name: 'buy', value: 'close>sma_50', required: true, autocomplete: 'off', spellcheck: 'false', class: 'rule-input'});
  const sell = h('input', {id: 'rule-sell', name: 'sell', value: 'close<sma_50', autocomplete: 'off', spellcheck: 'false', class: 'rule-input', placeholder: 'none: out when a buy condition fails'});
  const cost = h('input', {id: 'rule-cost', name: 'costBps', type: 'number', min: '0', max: '1000', step: 'any', value: '5', class: 'price-input'});
  const mode = h('select', {id: 'rule-mode', name: 'mode'},
    [['long_flat', 'Long / flat'], ['long_short', 'Long / short']].map(([v, t]) => h('option', {value: v, text: t})));
  const stop = h('input', {id: 'rule-stop', name: 'stopLoss', type: 'number', min: '0', max: '99', step: 'any', class: 'price-input', placeholder: 'none'});
  const take = h('input', {id: 'rule-take', name: 'takeProfit', type: 'number', min: '0', max: '1000', step: 'any', class: 'price-input', placeholder: 'none'});
  const after = h('select', {id: 'rule-after', name: 'afterStop'},
    [['reenter', 'Next signal'], ['new_signal', 'A new signal']].map(([v, t]) => h('option', {value: v, text: t})));
  const interval = h('select', {id: 'rule-interval', name: 'interval'},
    [['daily', 'Daily'], ['weekly', 'Weekly'], ['monthly', 'Monthly']].map(([v, t]) => h('option', {value: v, text: t})));
  const result = h('div', {id: 'rule-result', 'aria-live': 'polite'});
  // conditions are comma-separated here and repeated parameters in the API
  const conditions = (name, text) => text.split(',').map((c) => c.trim()).filter(Boolean).map((c) => name + '=' + enc(c));
  const run = () => {
    // stop and target are typed in percent and sent as fractions
    const percent = (name, field) => (field.value.trim() ? [name + '=' + enc(String(Number(field.value) / 100))] : []);
    const query = [...conditions('buy', buy.value), ...conditions('sell', sell.value), 'costBps=' + enc(cost.value || '0'), 'mode=' + mode.value,
      ...percent('stopLoss', stop), ...percent('takeProfit', take), 'afterStop=' + after.value, 'interval=' + interval.value].join('&');
    return section(result, 'strategy backtest', get('/api/v1/instruments/' + enc(symbol) + '/strategy?' + query),
      (r) => h('div', {},
        h('p', {class: 'muted small', text: `Buy when ${r.buy.join(' and ')}; sell when ${r.sell.length ? r.sell.join(' and ') : 'a buy condition fails'}. ${r.buySignals} buy and ${r.sellSignals} sell signals.`}),
        backtestView(r, charts, 'rule-equity-chart', 'Your rule')));
  };
  return h('section', {class: 'panel', 'aria-labelledby': 'rule-title', id: 'strategy'},
    h('h2', {id: 'rule-title', text: 'Backtest your own rule'}),
    h('p', {class: 'muted small', text: 'Conditions as the screener takes them, comma-separated, all of which must hold: a number, open high low close volume, an indicator column (sma_50, rsi_14, macd_hist_12_26_9, bb_lower_20_2) or tech_rating; a crossing as sma_20 crosses_above sma_50. Signals at the close, trades at the next open (on weekly or monthly bars: at the close of the bar and the open of the next, indicators counted in those bars); a stop loss or take profit ends a position inside the day at its level, and the next signal opens one again (or only a new one: once the rule has let go).'}),
    h('form', {class: 'filters', onsubmit: (e) => { e.preventDefault(); run(); }},
      // each label stays with its field when the form wraps (a phone)
      ...[[buy, 'Buy when'], [sell, 'Sell when'], [interval, 'Bars'], [cost, 'Cost (bps)'], [mode, 'Mode'], [stop, 'Stop loss (%)'], [take, 'Take profit (%)'], [after, 'After a stop, enter on']].map(([field, label]) =>
        h('span', {class: 'field'}, h('label', {for: field.id, text: label}), field)),
      h('button', {type: 'submit', text: 'Run'})),
    result);
}

function backtestView(r, charts, chartId = 'equity-chart', strategyLabel = 'Strategy (model signals)') {
  const perf = (label, p) => ({label, ...p});
  const rows = [perf(strategyLabel, r.strategy), perf('Buy and hold', r.buyAndHold)];
  if (r.benchmarkPerformance) rows.push(perf('Benchmark ' + (r.benchmark || ''), r.benchmarkPerformance));
  const equityBox = h('div', {id: chartId});
  const view = h('div', {},
    h('p', {class: 'muted', text: `${r.start} … ${r.end}${r.interval && r.interval !== 'DAILY' ? ' · ' + r.interval.toLowerCase() + ' bars' : ''} · ${String(r.mode || '').toLowerCase().replace('_', '/')} · costs ${num(r.costBps, 0)} bps · ${r.trades} trades, hit rate ${pct(r.hitRate, 0)}, time in market ${pct(r.exposure, 0)}`}),
    equityBox,
    table('Performance over the backtest', [
      {label: '', value: (x) => x.label},
      {label: 'Total return', value: (x) => pct(x.totalReturn, 1, true), class: 'n', cls: (x) => 'n ' + signClass(x.totalReturn)},
      {label: 'CAGR', value: (x) => pct(x.cagr, 1, true), class: 'n'},
      {label: 'Volatility', value: (x) => pct(x.volatility, 1), class: 'n'},
      {label: 'Sharpe', value: (x) => num(x.sharpe), class: 'n'},
      {label: 'Max drawdown', value: (x) => pct(x.maxDrawdown, 1), class: 'n'},
      {label: 'Peak → trough', value: (x) => (x.maxDrawdown < 0 && x.maxDrawdownPeak ? x.maxDrawdownPeak + ' → ' + x.maxDrawdownTrough : '—')},
    ], rows),
    r.calibration ? calibrationTable(r.calibration) : null);
  // the chart is mounted once the view is in the document (ECharts needs a size)
  requestAnimationFrame(() => {
    if (!equityBox.isConnected || !r.equity) return;
    const c = mount(equityBox, 'Equity curves: strategy vs buy-and-hold vs benchmark, growth of 1; the performance table below has the numbers.', 320);
    charts.push(c);
    const lines = [{name: 'Strategy', values: r.equity.strategy}, {name: 'Buy and hold', values: r.equity.buyAndHold}];
    if (r.equity.benchmark) lines.push({name: 'Benchmark ' + (r.benchmark || ''), values: r.equity.benchmark});
    c.set(linesOption(r.equity.dates, lines, {yName: 'growth of 1', narrow: window.innerWidth < 600}));
  });
  return view;
}

function calibrationTable(calibration, caption = 'Calibration: average forward return after each signal band', unit = 'days') {
  const horizons = [...new Set(calibration.flatMap((c) => (c.forward || []).map((f) => f.horizonDays)))];
  return table(caption, [
    {label: 'Band', value: (c) => h('span', {class: bandClass(c.band), text: bandLabel(c.band)})},
    {label: 'Signals', value: (c) => int(c.count), class: 'n'},
    ...horizons.map((d) => ({
      label: d + ' ' + unit + ' avg (median)', class: 'n',
      value: (c) => { const f = (c.forward || []).find((x) => x.horizonDays === d); return f && f.count ? pct(f.average, 1, true) + ' (' + pct(f.median, 1, true) + ')' : '—'; },
    })),
  ], calibration, {class: 'data calibration'});
}
