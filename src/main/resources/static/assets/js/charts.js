// ECharts (vendored through WebJars, served by the service itself) and the chart options of the dashboard.
// CSP: no inline styles in markup — tooltips use our own formatter with class names, never style attributes.
import * as echarts from '/webjars/echarts/5.5.0/echarts.esm.min.js';

export const COLORS = {
  up: '#1a7f37', down: '#cf222e', sma: '#0550ae', ema: '#8250df', bb: '#9a6700', volume: '#8c959f',
  series: ['#0550ae', '#cf222e', '#1a7f37', '#8250df', '#9a6700'],
};

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

function fmt(v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return v.toLocaleString('en-US', {maximumFractionDigits: a >= 1000 ? 0 : a >= 1 ? 2 : 4});
}

/** Tooltip markup with class names only (the CSP refuses style attributes set through innerHTML). */
function tooltip(params) {
  const list = Array.isArray(params) ? params : [params];
  if (!list.length) return '';
  const rows = [];
  for (const p of list) {
    const swatch = '';
    if (p.seriesType === 'candlestick') {
      const [, o, c, l, hi] = p.value;
      rows.push('<div class="tt-row">' + swatch + 'Open ' + fmt(o) + ' · High ' + fmt(hi) + ' · Low ' + fmt(l) + ' · Close ' + fmt(c) + '</div>');
    } else {
      const v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      if (v === null || v === undefined || v === '-') continue;
      rows.push('<div class="tt-row">' + swatch + escape(p.seriesName) + ': ' + fmt(typeof v === 'number' ? v : Number(v)) + '</div>');
    }
  }
  // On a time axis a point is [date, value]: its date heads the tooltip (ECharts' label would add a clock time).
  const first = list[0];
  const head = Array.isArray(first.value) && typeof first.value[0] === 'string' ? first.value[0] : first.axisValueLabel || first.name || '';
  return '<div class="tt"><div class="tt-head">' + escape(head) + '</div>' + rows.join('') + '</div>';
}

const baseTooltip = {trigger: 'axis', axisPointer: {type: 'cross'}, formatter: tooltip, confine: true, className: 'chart-tooltip'};

/** Mounts a chart in el (role=img with a label; the numbers table beside it is the text alternative). */
export function mount(el, label, height) {
  el.classList.add('chart');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  if (height) el.style.height = height + 'px';
  const chart = echarts.init(el, null, {renderer: 'canvas'});
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return {
    chart,
    set(option) { chart.setOption(option, {notMerge: true}); },
    height(px) { el.style.height = px + 'px'; chart.resize(); },
    dispose() { observer.disconnect(); chart.dispose(); },
  };
}

/**
 * The stock chart: candles + overlays, volume, and optional RSI and MACD panes, all sharing one zoomable time axis.
 * data = {dates, ohlc: [[o,c,l,h]], volume, up: [bool], columns}; show = {sma, ema, bb, rsi, macd, extra}, where extra
 * lists more indicators as {spec, columns: [{column, scale}]}: columns on the price scale are drawn over the candles,
 * the others of one indicator share a pane of their own.
 */
export function stockOption(data, show, narrow) {
  const panes = [{key: 'price', h: narrow ? 220 : 300}, {key: 'volume', h: 70}];
  if (show.rsi) panes.push({key: 'rsi', h: 90});
  if (show.macd) panes.push({key: 'macd', h: 100});
  const extra = show.extra || [];
  extra.forEach((x, k) => { if (x.columns.some((c) => c.scale !== 'price')) panes.push({key: 'x' + k, h: 90, name: x.spec}); });
  const left = narrow ? 44 : 64;
  const gap = 28;
  let top = 36;
  const grids = panes.map((p) => { const g = {left, right: 16, top, height: p.h}; top += p.h + gap; return g; });
  const height = top + 40;
  const idx = Object.fromEntries(panes.map((p, i) => [p.key, i]));
  const xAxis = panes.map((p, i) => ({
    type: 'category', data: data.dates, gridIndex: i, boundaryGap: true,
    axisLabel: {show: i === panes.length - 1, hideOverlap: true}, axisTick: {show: false}, axisLine: {onZero: false},
    axisPointer: {label: {show: i === panes.length - 1}},
  }));
  const yAxis = panes.map((p, i) => ({
    gridIndex: i, scale: true, splitNumber: p.key === 'price' ? 5 : 2,
    name: p.key === 'price' ? '' : p.name || p.key.toUpperCase(), nameGap: 6, nameTextStyle: {align: 'left', color: '#57606a'},
    axisLabel: {color: '#57606a', formatter: p.key === 'volume' ? (v) => (v >= 1e6 ? (v / 1e6).toFixed(0) + 'M' : v) : undefined},
    min: p.key === 'rsi' ? 0 : undefined, max: p.key === 'rsi' ? 100 : undefined,
  }));
  const col = (name) => data.columns[name] || [];
  const line = (name, values, color, pane, extra = {}) => ({
    name, type: 'line', data: values, xAxisIndex: idx[pane], yAxisIndex: idx[pane], showSymbol: false,
    lineStyle: {width: 1.4, color}, itemStyle: {color}, connectNulls: false, ...extra,
  });
  const series = [{
    name: 'Price', type: 'candlestick', data: data.ohlc, xAxisIndex: 0, yAxisIndex: 0,
    itemStyle: {color: COLORS.up, color0: COLORS.down, borderColor: COLORS.up, borderColor0: COLORS.down},
  }];
  if (show.sma) series.push(line('SMA 50', col('sma_50'), COLORS.sma, 'price'));
  if (show.ema) series.push(line('EMA 20', col('ema_20'), COLORS.ema, 'price'));
  if (show.bb) {
    series.push(line('Bollinger upper', col('bb_upper_20_2'), COLORS.bb, 'price', {lineStyle: {width: 1, type: 'dashed', color: COLORS.bb}}));
    series.push(line('Bollinger middle', col('bb_middle_20_2'), COLORS.bb, 'price', {lineStyle: {width: 1, color: COLORS.bb}}));
    series.push(line('Bollinger lower', col('bb_lower_20_2'), COLORS.bb, 'price', {lineStyle: {width: 1, type: 'dashed', color: COLORS.bb}}));
  }
  series.push({
    name: 'Volume', type: 'bar', data: data.volume.map((v, i) => ({value: v, itemStyle: {color: data.up[i] ? '#7ec699' : '#f0a3a8'}})),
    xAxisIndex: idx.volume, yAxisIndex: idx.volume,
  });
  if (show.rsi) {
    series.push(line('RSI 14', col('rsi_14'), COLORS.ema, 'rsi', {
      markLine: {silent: true, symbol: 'none', label: {show: false}, lineStyle: {color: '#8c959f', type: 'dotted'}, data: [{yAxis: 30}, {yAxis: 70}]},
    }));
  }
  if (show.macd) {
    series.push({
      name: 'MACD histogram', type: 'bar', data: col('macd_hist_12_26_9').map((v) => ({value: v, itemStyle: {color: v >= 0 ? '#7ec699' : '#f0a3a8'}})),
      xAxisIndex: idx.macd, yAxisIndex: idx.macd,
    });
    series.push(line('MACD', col('macd_12_26_9'), COLORS.sma, 'macd'));
    series.push(line('Signal', col('macd_signal_12_26_9'), COLORS.bb, 'macd'));
  }
  extra.forEach((x, k) => x.columns.forEach((c, j) => {
    const color = COLORS.series[(k + j) % COLORS.series.length];
    series.push(line(c.column, col(c.column), color, c.scale === 'price' ? 'price' : 'x' + k, {lineStyle: {width: 1.2, color}}));
  }));
  const all = panes.map((_, i) => i);
  return {
    height,
    option: {
      animation: false,
      legend: {top: 4, left: left, type: 'scroll', data: series.filter((s) => s.name !== 'Volume').map((s) => s.name), textStyle: {color: '#24292f'}},
      tooltip: baseTooltip,
      axisPointer: {link: [{xAxisIndex: 'all'}]},
      grid: grids, xAxis, yAxis, series,
      dataZoom: [
        {type: 'inside', xAxisIndex: all, start: 0, end: 100},
        {type: 'slider', xAxisIndex: all, bottom: 6, height: 22, start: 0, end: 100},
      ],
    },
  };
}

/**
 * Lines over dates: [{name, values}] (normalised performance, equity curves), on a category axis (trading days side
 * by side). opts.time: a time axis instead, each line drawn over its own dates — for lines from different periods,
 * which a category axis would put next to each other as if no years lay between them.
 */
export function linesOption(dates, lines, opts = {}) {
  if (opts.time) {
    const option = linesOption(dates, lines, {...opts, time: false});
    option.xAxis = {type: 'time', axisLabel: {hideOverlap: true, color: '#57606a'}};
    option.series.forEach((s, k) => {
      s.data = dates.map((d, i) => [d, lines[k].values[i]]).filter(([, v]) => v !== null && v !== undefined);
      s.connectNulls = false;
    });
    return option;
  }
  return {
    animation: false,
    color: COLORS.series,
    legend: {top: 4, textStyle: {color: '#24292f'}, type: 'scroll'},
    tooltip: {...baseTooltip, axisPointer: {type: 'line'}},
    grid: {left: opts.narrow ? 44 : 64, right: 16, top: 40, bottom: 64},
    xAxis: {type: 'category', data: dates, boundaryGap: false, axisLabel: {hideOverlap: true, color: '#57606a'}},
    yAxis: {type: 'value', scale: true, name: opts.yName || '', nameTextStyle: {color: '#57606a'}, axisLabel: {color: '#57606a'}},
    dataZoom: [{type: 'inside'}, {type: 'slider', bottom: 8, height: 22}],
    series: lines.map((l) => ({name: l.name, type: 'line', data: l.values, showSymbol: false, connectNulls: true, lineStyle: {width: 1.6}})),
  };
}
