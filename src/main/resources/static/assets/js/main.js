// Entry point: routes, the search box, and the session shown in the navigation.
import {route, start} from './router.js';
import {currentUser, isAdmin, onSessionChange, restoreSession} from './api.js';
import {initSearch} from './search.js';
import {renderHome, renderRanking} from './ranking.js';
import {renderStock} from './stock.js';
import {renderCompare} from './compare.js';
import {renderAccount} from './account.js';
import {renderWatchlists} from './watchlists.js';
import {renderAdmin} from './admin.js';
import {renderScreener} from './screener.js';

function showSession(user) {
  const account = document.getElementById('nav-account');
  account.textContent = user ? 'Account' : 'Sign in';
  document.getElementById('nav-admin').hidden = !isAdmin();
}

route('/', 'Overview', renderHome);
route('/stock/:symbol', (p) => p.symbol, renderStock);
route('/compare', 'Compare', renderCompare);
route('/ranking', 'Ranking', renderRanking);
route('/screener', 'Screener', renderScreener);
route('/account', 'Account', renderAccount);
route('/watchlists', 'Watchlists', renderWatchlists);
route('/admin', 'Admin import', renderAdmin);

onSessionChange(showSession);
initSearch(document.getElementById('search'));
restoreSession().finally(() => {
  showSession(currentUser());
  start();
});
