// Watchlists of the signed-in user, with the latest numbers from the API.
import {currentUser, del, enc, get, post, qs} from './api.js';
import {h, replace, num, pctPoints, signClass, bandLabel, bandClass, table} from './format.js';
import {errorBox, loading, section} from './router.js';

export async function renderWatchlists(main) {
  main.append(h('h1', {text: 'Watchlists'}));
  if (!currentUser()) {
    main.append(h('p', {class: 'panel'}, 'Watchlists need an account. ', h('a', {href: '#/account', text: 'Sign in or sign up'}), '.'));
    return null;
  }
  const message = h('div', {class: 'form-message'});
  const lists = h('div', {id: 'watchlists'});
  const name = h('input', {id: 'new-list-name', name: 'name', required: true, maxlength: 100, autocomplete: 'off'});
  main.append(
    h('form', {class: 'panel inline-form', id: 'new-list', onsubmit: async (e) => {
      e.preventDefault();
      replace(message);
      try {
        await post('/api/v1/watchlists', {name: name.value.trim()});
        name.value = '';
        await reload();
      } catch (err) { replace(message, errorBox(err)); }
    }}, h('label', {for: name.id, text: 'New list'}), name, h('button', {type: 'submit', text: 'Create list'}), message),
    lists);
  const reload = async () => {
    replace(lists, loading('watchlists'));
    try {
      const all = await get('/api/v1/watchlists');
      if (!all.length) { replace(lists, h('p', {class: 'empty-state', text: 'No lists yet: create one above.'})); return; }
      const full = await Promise.all(all.map((l) => get('/api/v1/watchlists/' + l.id)));
      const technical = await technicalVerdicts([...new Set(full.flatMap((l) => l.items.map((i) => i.symbol)))]);
      replace(lists, full.map((l) => listView(l, reload, technical)));
    } catch (e) {
      replace(lists, errorBox(e));
    }
  };
  await reload();
  return null;
}

// The technical rating's verdict of each symbol, 50 to a call; a symbol it cannot rate (or a failed call) has none.
async function technicalVerdicts(symbols) {
  const verdicts = new Map();
  for (let k = 0; k < symbols.length; k += 50) {
    try {
      const page = await get('/api/v1/technicals' + qs({symbols: symbols.slice(k, k + 50).join(',')}));
      page.items.forEach((i) => verdicts.set(i.symbol, i.verdict));
    } catch (e) { /* the column stays empty; the list itself is what matters */ }
  }
  return verdicts;
}

function listView(list, reload, technical = new Map()) {
  const message = h('div', {class: 'form-message'});
  const symbolId = 'add-symbol-' + list.id;
  const symbol = h('input', {id: symbolId, name: 'symbol', required: true, maxlength: 20, autocomplete: 'off', class: 'symbol-input', placeholder: 'e.g. AAPL'});
  const target = h('input', {id: 'add-target-' + list.id, name: 'targetPrice', type: 'number', min: '0.000001', step: 'any', class: 'price-input', placeholder: 'optional'});
  const note = h('input', {id: 'add-note-' + list.id, name: 'note', maxlength: 500, autocomplete: 'off', placeholder: 'optional'});
  const act = async (fn) => { replace(message); try { await fn(); await reload(); } catch (e) { replace(message, errorBox(e)); } };
  return h('section', {class: 'panel watchlist', 'aria-labelledby': 'wl-title-' + list.id, 'data-list': list.name},
    h('div', {class: 'title-row'},
      h('h2', {id: 'wl-title-' + list.id, text: list.name}),
      h('button', {type: 'button', class: 'danger', 'aria-label': 'Delete list ' + list.name, text: 'Delete list',
        onclick: () => { if (confirm('Delete the list "' + list.name + '"?')) act(() => del('/api/v1/watchlists/' + list.id)); }})),
    list.items.length
      ? table('Instruments in ' + list.name, [
          {label: 'Symbol', value: (i) => h('a', {href: '#/stock/' + enc(i.symbol), text: i.symbol})},
          {label: 'Name', value: (i) => (i.listed ? i.name : h('span', {class: 'muted', text: 'no longer listed'})), class: 'hide-narrow'},
          {label: 'Last price', value: (i) => num(i.lastPrice) + (i.currency ? ' ' + i.currency : ''), class: 'n'},
          {label: '1 day', value: (i) => pctPoints(i.changePercent), class: 'n', cls: (i) => 'n ' + signClass(i.changePercent)},
          {label: 'Recommendation', value: (i) => h('span', {class: bandClass(i.band), text: bandLabel(i.band)})},
          {label: 'Technical rating', value: (i) => (technical.get(i.symbol) ? h('span', {class: bandClass(technical.get(i.symbol)), text: bandLabel(technical.get(i.symbol))}) : '—'), class: 'hide-narrow'},
          {label: 'Target', value: (i) => i.targetPrice == null ? '—' : num(i.targetPrice) + (i.targetDistancePercent == null ? '' : ' (' + pctPoints(i.targetDistancePercent, 1) + ' to go)'), class: 'n'},
          {label: 'Note', value: (i) => i.note || '', class: 'hide-narrow'},
          {label: 'As of', value: (i) => i.lastDate || '—', class: 'hide-narrow'},
          {label: 'Remove', value: (i) => h('button', {type: 'button', class: 'link', 'aria-label': 'Remove ' + i.symbol + ' from ' + list.name, text: 'Remove',
            onclick: () => act(() => del('/api/v1/watchlists/' + list.id + '/items/' + enc(i.symbol)))})},
        ], list.items, {captionHidden: true})
      : h('p', {class: 'muted', text: 'Empty list.'}),
    compareLink(list),
    h('form', {class: 'inline-form', onsubmit: (e) => {
      e.preventDefault();
      const item = {symbol: symbol.value.trim().toUpperCase()};
      if (target.value.trim()) item.targetPrice = Number(target.value);
      if (note.value.trim()) item.note = note.value.trim();
      act(() => post('/api/v1/watchlists/' + list.id + '/items', item));
    }},
      h('label', {for: symbolId, text: 'Add symbol'}), symbol,
      h('label', {for: target.id, text: 'Target price'}), target,
      h('label', {for: note.id, text: 'Note'}), note,
      h('button', {type: 'submit', text: 'Add'})),
    message);
}

/** Two or more listed instruments: a link to compare them (the first five) and simulate them as a portfolio. */
function compareLink(list) {
  const symbols = list.items.filter((i) => i.listed).map((i) => i.symbol);
  if (symbols.length < 2) return null;
  const shown = symbols.slice(0, 5);
  return h('p', {class: 'small'}, h('a', {href: '#/compare?s=' + shown.map(enc).join(','), class: 'compare-link',
    text: 'Compare ' + (symbols.length > 5 ? 'the first 5' : 'them') + ' and simulate them as a portfolio'}));
}

/** On a stock page: "add to watchlist" for signed-in users. */
export function addToWatchlistControl(symbol) {
  const box = h('div', {class: 'add-to-list'});
  get('/api/v1/watchlists').then((lists) => {
    if (!lists.length) { replace(box, h('a', {href: '#/watchlists', text: 'Create a watchlist'})); return; }
    const select = h('select', {id: 'add-to-list', 'aria-label': 'Watchlist'}, lists.map((l) => h('option', {value: l.id, text: l.name})));
    const status = h('span', {class: 'small', role: 'status'});
    replace(box, select, h('button', {type: 'button', class: 'secondary', text: 'Add to list', onclick: async () => {
      try { await post('/api/v1/watchlists/' + select.value + '/items', {symbol}); replace(status, 'Added.'); }
      catch (e) { replace(status, e.friendly || String(e)); }
    }}), status);
  }).catch(() => replace(box));
  return box;
}
