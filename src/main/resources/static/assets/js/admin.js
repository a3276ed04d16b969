// Admin import: upload a CSV of daily bars; rejected files list their row errors, accepted ones show the new data.
// Below it, the undo: delete a range of bars or a whole imported instrument.
import {ApiError, call, enc, get, isAdmin, qs} from './api.js';
import {h, replace, num, int, table} from './format.js';
import {errorBox, loading} from './router.js';

export async function renderAdmin(main) {
  main.append(h('h1', {text: 'Import daily bars'}));
  if (!isAdmin()) {
    main.append(h('p', {class: 'panel'}, 'Imports need the admin role. ', h('a', {href: '#/account', text: 'Sign in'}), ' with an admin account.'));
    return null;
  }
  const result = h('div', {id: 'import-result', 'aria-live': 'polite'});
  const symbol = h('input', {id: 'import-symbol', name: 'symbol', required: true, maxlength: 20, pattern: '[A-Za-z0-9.\\-^=]+', autocomplete: 'off'});
  const name = h('input', {id: 'import-name', name: 'name', maxlength: 200, autocomplete: 'off'});
  const mode = h('select', {id: 'import-mode', name: 'mode'},
    h('option', {value: 'reject', text: 'reject — refuse dates already stored'}),
    h('option', {value: 'append', text: 'append — add only new dates'}),
    h('option', {value: 'replace', text: 'replace — overwrite stored dates'}));
  const file = h('input', {id: 'import-file', name: 'file', type: 'file', accept: '.csv,text/csv', required: true, 'aria-describedby': 'import-hint'});
  const button = h('button', {type: 'submit', text: 'Upload'});
  main.append(h('form', {class: 'panel form', id: 'import-form', onsubmit: async (e) => {
    e.preventDefault();
    const sym = symbol.value.trim().toUpperCase();
    if (!sym || !file.files.length) return;
    button.disabled = true;
    replace(result, loading('import'));
    try {
      const text = await file.files[0].text();
      const r = await call('POST', '/api/v1/instruments/' + enc(sym) + '/bars' + qs({mode: mode.value, name: name.value.trim()}), text, 'text/csv');
      await showAccepted(result, sym, r);
    } catch (err) {
      showRejected(result, err);
    } finally {
      button.disabled = false;
    }
  }},
  h('label', {for: symbol.id, text: 'Symbol'}), symbol,
  h('label', {for: name.id, text: 'Name (for a new instrument)'}), name,
  h('label', {for: mode.id, text: 'Dates already stored'}), mode,
  h('label', {for: file.id, text: 'CSV file'}), file,
  h('p', {class: 'muted small', id: 'import-hint', text: 'Date, Open, High, Low, Close, [Adj Close], Volume — one bad row and nothing is imported.'}),
  button), result);
  main.append(h('h2', {text: 'Undo an import'}), deletePanel());
  return null;
}

const bars = (n) => int(n) + (n === 1 ? ' bar' : ' bars');

/** Deletes the bars of a date range, or (without dates) a whole imported instrument, after a confirmation. */
function deletePanel() {
  const result = h('div', {id: 'delete-result', 'aria-live': 'polite'});
  const symbol = h('input', {id: 'delete-symbol', name: 'symbol', required: true, maxlength: 20, pattern: '[A-Za-z0-9.\\-^=]+', autocomplete: 'off'});
  const start = h('input', {id: 'delete-start', name: 'start', type: 'date'});
  const end = h('input', {id: 'delete-end', name: 'end', type: 'date'});
  const button = h('button', {type: 'submit', class: 'danger', text: 'Delete'});
  return h('form', {class: 'panel form', id: 'delete-form', onsubmit: async (e) => {
    e.preventDefault();
    const sym = symbol.value.trim().toUpperCase();
    if (!sym) return;
    const range = start.value || end.value;
    const what = range
      ? `the bars of ${sym} from ${start.value || 'the first'} to ${end.value || 'the last'} (inclusive)`
      : `the instrument ${sym} with all its bars`;
    if (!confirm('Delete ' + what + '? This cannot be undone.')) return;
    button.disabled = true;
    replace(result, loading('deletion'));
    try {
      if (range) {
        const r = await call('DELETE', '/api/v1/instruments/' + enc(sym) + '/bars' + qs({start: start.value, end: end.value}));
        replace(result, h('div', {class: 'notice success', role: 'status'}, h('strong', {text: 'Deleted. '}),
          `${bars(r.barsDeleted)} of ${r.symbol}; ${int(r.bars)} left` + (r.bars ? ` (${r.firstDate} … ${r.lastDate}).` : '.')));
      } else {
        const r = await call('DELETE', '/api/v1/instruments/' + enc(sym));
        replace(result, h('div', {class: 'notice success', role: 'status'}, h('strong', {text: 'Deleted. '}),
          `${r.symbol} and its ${bars(r.barsDeleted)}.`));
      }
    } catch (err) {
      replace(result, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }},
  h('label', {for: symbol.id, text: 'Symbol'}), symbol,
  h('label', {for: start.id, text: 'From (inclusive)'}), start,
  h('label', {for: end.id, text: 'To (inclusive)'}), end,
  h('p', {class: 'muted small', id: 'delete-hint', text: 'With a date, only the bars in the range go; without dates, the whole instrument (not the bundled ones).'}),
  button, result);
}

async function showAccepted(el, symbol, r) {
  const bars = await get('/api/v1/instruments/' + enc(symbol) + '/bars' + qs({start: r.firstDate, end: r.lastDate})).catch(() => null);
  replace(el, h('div', {class: 'notice success', role: 'status'},
    h('strong', {text: 'Imported. '}),
    `${int(r.rowsInserted)} new, ${int(r.rowsUpdated)} updated, ${int(r.rowsSkipped)} skipped rows for ${(r.symbols || [symbol]).join(', ')} (${r.firstDate} … ${r.lastDate}).`,
    r.ignoredColumns && r.ignoredColumns.length ? ' Ignored columns: ' + r.ignoredColumns.join(', ') + '.' : '',
    ' ', h('a', {href: '#/stock/' + enc(symbol), text: 'Open ' + symbol})),
  r.warnings && r.warnings.length ? h('div', {class: 'notice warning', role: 'status'},
    h('strong', {text: 'Imported, but check: '}), h('ul', {}, ...r.warnings.map((w) => h('li', {text: w})))) : null,
  bars ? table('Stored bars of ' + symbol + ' in the imported range', [
    {label: 'Date', value: (b) => b.date},
    {label: 'Open', value: (b) => num(b.open), class: 'n'},
    {label: 'High', value: (b) => num(b.high), class: 'n'},
    {label: 'Low', value: (b) => num(b.low), class: 'n'},
    {label: 'Close', value: (b) => num(b.close), class: 'n'},
    {label: 'Volume', value: (b) => int(b.volume), class: 'n'},
  ], bars.bars.slice(-50), {class: 'data imported'}) : null);
}

function showRejected(el, err) {
  const errors = err instanceof ApiError && Array.isArray(err.problem.errors) ? err.problem.errors : [];
  replace(el, errorBox(err),
    errors.length ? table(`Row errors (${errors.length} of ${int(err.problem.errorCount || errors.length)} shown)`, [
      {label: 'Line', value: (x) => String(x.line), class: 'n'},
      {label: 'Column', value: (x) => x.column || '—'},
      {label: 'Value', value: (x) => (x.value === null || x.value === undefined ? '—' : String(x.value))},
      {label: 'Problem', value: (x) => x.message},
    ], errors, {class: 'data row-errors'}) : null);
}
