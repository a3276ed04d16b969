// DOM building and number formatting. All text goes in through textContent, never innerHTML.

/** h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child) — builds an element safely. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const finite = (v) => typeof v === 'number' && Number.isFinite(v);

export function num(v, digits = 2) {
  return finite(v) ? v.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : '—';
}

/** A fraction as a percentage: 0.1234 → "12.34 %". */
export function pct(v, digits = 2, signed = false) {
  if (!finite(v)) return '—';
  const s = (v * 100).toFixed(digits);
  return (signed && v > 0 ? '+' : '') + s + ' %';
}

/** A value that is already in percent: 1.5 → "+1.50 %". */
export function pctPoints(v, digits = 2) {
  return finite(v) ? (v > 0 ? '+' : '') + v.toFixed(digits) + ' %' : '—';
}

export function int(v) {
  return finite(v) ? Math.round(v).toLocaleString('en-US') : '—';
}

export function money(v, currency) {
  return finite(v) ? num(v, 2) + (currency ? ' ' + currency : '') : '—';
}

/** CSS class for a signed number (colour is never the only cue: the sign is printed too). */
export function signClass(v) {
  return finite(v) ? (v > 0 ? 'up' : v < 0 ? 'down' : '') : '';
}

export function bandLabel(band) {
  return band ? band.replace('_', ' ').toLowerCase().replace(/^\w|\s\w/g, (c) => c.toUpperCase()) : '—';
}

export function bandClass(band) {
  return band ? 'band band-' + band.toLowerCase().replace('_', '-') : 'band';
}

/** ISO date arithmetic in UTC (bundled data ends years ago: ranges are relative to the last bar). */
export function addDays(iso, days) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso, months) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A table: columns [{label, value: row => text|Node, class}], with a caption. */
export function table(caption, columns, rows, opts = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', {class: opts.class || 'data'},
      caption ? h('caption', {class: opts.captionHidden ? 'visually-hidden' : undefined}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: c.class}, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c, i) => {
        const v = c.value(r);
        return i === 0 && opts.rowHeader !== false
          ? h('th', {scope: 'row', class: c.class}, v)
          : h('td', {class: typeof c.cls === 'function' ? c.cls(r) : c.class}, v);
      }))))));
}
