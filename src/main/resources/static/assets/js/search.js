// The search box: an ARIA 1.2 combobox with a listbox of suggestions from /api/v1/search/suggest.
import {get, enc} from './api.js';
import {h, replace} from './format.js';
import {navigate} from './router.js';

export function initSearch(root) {
  const input = root.querySelector('input');
  const list = root.querySelector('[role=listbox]');
  let items = [];
  let active = -1;
  let timer = null;
  let seq = 0;

  const open = (yes) => {
    list.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
  };

  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (symbol) => {
    open(false);
    input.value = '';
    navigate('/stock/' + enc(symbol));
  };

  const render = () => {
    replace(list, items.length
      ? items.map((s, i) => h('li', {
          id: 'search-option-' + i, role: 'option', 'aria-selected': 'false', class: 'option',
          onmousedown: (e) => { e.preventDefault(); choose(s.symbol); },
        }, h('span', {class: 'sym', text: s.symbol}), h('span', {class: 'name', text: s.name}),
           h('span', {class: 'meta', text: [s.exchange, s.kind].filter(Boolean).join(' · ')})))
      : h('li', {class: 'empty', role: 'option', 'aria-disabled': 'true', id: 'search-option-none', text: 'No matches'}));
    open(true);
  };

  const suggest = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { items = []; open(false); return; }
    try {
      const result = await get('/api/v1/search/suggest?q=' + enc(q));
      if (mine !== seq) return; // a newer keystroke won
      items = Array.isArray(result) ? result : result.suggestions || [];
      render();
    } catch (e) {
      if (mine !== seq) return;
      items = [];
      replace(list, h('li', {class: 'empty', role: 'option', 'aria-disabled': 'true', id: 'search-option-error', text: e.friendly || 'Search failed'}));
      open(true);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });

  input.addEventListener('keydown', (e) => {
    const n = items.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) { if (n) open(true); setActive(n ? 0 : -1); return; }
      if (n) setActive((active + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive(active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && items[active]) choose(items[active].symbol);
      else if (n) choose(items[0].symbol);
      else if (input.value.trim()) choose(input.value.trim().toUpperCase());
    } else if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); open(false); } else { input.value = ''; }
    }
  });

  input.addEventListener('blur', () => setTimeout(() => open(false), 100));
  input.addEventListener('focus', () => { if (items.length && input.value.trim()) render(); });
}
