// The screener: the instruments that meet every condition (indicator columns, bar fields, numbers) at their last bar.
import {get, enc} from './api.js';
import {h, replace, num, table} from './format.js';
import {errorBox, loading, setQuery} from './router.js';

const EXAMPLE = 'rsi_14<70\nclose>sma_200';

export async function renderScreener(main, _params, query) {
  const conditions = h('textarea', {id: 'screen-where', name: 'where', rows: 4, spellcheck: 'false', autocomplete: 'off',
    'aria-describedby': 'screen-help'});
  conditions.value = query.getAll('where').length ? query.getAll('where').join('\n') : EXAMPLE;
  const kind = h('select', {id: 'screen-kind', name: 'kind'},
    [['', 'Stocks and indices'], ['STOCK', 'Stocks'], ['INDEX', 'Indices']].map(([v, t]) => h('option', {value: v, text: t, selected: v === (query.get('kind') || '')})));
  const asOf = h('input', {id: 'screen-asof', name: 'asOf', type: 'date', value: query.get('asOf') || ''});
  const interval = h('select', {id: 'screen-interval', name: 'interval'},
    [['', 'Daily'], ['weekly', 'Weekly'], ['monthly', 'Monthly']].map(([v, t]) => h('option', {value: v, text: t, selected: v === (query.get('interval') || '')})));
  const results = h('div', {id: 'screen-results', 'aria-live': 'polite'});
  const run = async () => {
    const where = conditions.value.split('\n').map((c) => c.trim()).filter(Boolean);
    const params = new URLSearchParams();
    where.forEach((w) => params.append('where', w));
    if (kind.value) params.set('kind', kind.value);
    if (asOf.value) params.set('asOf', asOf.value);
    if (interval.value) params.set('interval', interval.value);
    setQuery(params);
    replace(results, loading('screen'));
    try {
      const r = await get('/api/v1/screener?' + params.toString());
      const columns = [...new Set(r.items.flatMap((i) => Object.keys(i.values)))];
      replace(results,
        h('p', {class: 'muted small', text: `${r.count} of ${r.screened} instruments meet ${r.conditions.join(' and ')}${r.interval && r.interval !== 'DAILY' ? ' on ' + r.interval.toLowerCase() + ' bars' : ''}${r.asOf ? ', on their last bar up to ' + r.asOf : ', at their last bar'}.`}),
        r.items.length
          ? table('Instruments meeting every condition', [
            {label: 'Symbol', value: (i) => h('a', {href: '#/stock/' + enc(i.symbol), text: i.symbol})},
            {label: 'Name', value: (i) => i.name, class: 'hide-narrow'},
            {label: 'Date', value: (i) => i.date, class: 'hide-narrow'},
            ...columns.map((c) => ({label: c, value: (i) => num(i.values[c]), class: 'n'})),
          ], r.items, {class: 'data screen', captionHidden: true})
          : h('p', {class: 'empty-state', text: 'No instrument meets every condition.'}),
        r.insufficientHistory.length
          ? h('p', {class: 'muted small', text: 'Too little history for these columns: ' + r.insufficientHistory.join(', ') + '.'})
          : null);
    } catch (e) {
      replace(results, errorBox(e));
    }
  };
  main.append(
    h('h1', {text: 'Screener'}),
    h('p', {class: 'lead', text: 'Find the instruments whose latest bar meets every condition — indicator columns as the API names them, bar fields and numbers.'}),
    h('section', {class: 'panel'},
      h('form', {class: 'form screen-form', onsubmit: (e) => { e.preventDefault(); run(); }},
        h('label', {for: conditions.id, text: 'Conditions, one per line'}), conditions,
        h('p', {id: 'screen-help', class: 'muted small', text: 'left < right, <=, > or >=, or left crosses_above right, left crosses_below right (on the last bar, not the one before); each side a number, open, high, low, close, volume or an indicator column such as rsi_14, sma_50, macd_hist_12_26_9, bb_lower_20_2, adx_14 (parameters after underscores; see the indicator list in the API docs), or a technical rating from −1 to +1: tech_rating, tech_rating_oscillators, tech_rating_ma (tech_rating>0.5 is a strong buy).'}),
        h('div', {class: 'inline-form'},
          h('label', {for: kind.id, text: 'Kind'}), kind,
          h('label', {for: interval.id, text: 'Bars'}), interval,
          h('label', {for: asOf.id, text: 'As of (optional)'}), asOf),
        h('button', {type: 'submit', text: 'Screen'})),
      results));
  await run();
  return null;
}
