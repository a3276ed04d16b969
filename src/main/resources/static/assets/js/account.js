// Sign up, sign in, sign out; change the password; personal API keys. The refresh token lives in an HttpOnly cookie,
// the access token only in this tab, and a new API key only on the screen until the page changes.
import {currentUser, del, deleteAccount, get, post, put, signIn, signOut, signOutEverywhere, signUp} from './api.js';
import {h, replace, table} from './format.js';
import {errorBox, loading, navigate, section} from './router.js';

export async function renderAccount(main) {
  const user = currentUser();
  if (user) {
    const me = h('div');
    main.append(h('h1', {text: 'Account'}), h('section', {class: 'panel'}, me,
      h('p', {}, h('a', {href: '#/watchlists', text: 'Your watchlists'})),
      h('div', {class: 'button-row'},
        h('button', {type: 'button', id: 'signout', class: 'secondary', text: 'Sign out',
          onclick: async () => { try { await signOut(); } finally { navigate('/account'); } }}),
        h('button', {type: 'button', id: 'signout-everywhere', class: 'secondary', text: 'Sign out everywhere',
          title: 'End every sign-in session of this account, on every device (API keys stay)',
          onclick: async () => { try { await signOutEverywhere(); } finally { navigate('/account'); } }}))));
    section(me, 'account', get('/api/v1/auth/me'), (m) => h('dl', {class: 'facts'},
      h('dt', {text: 'E-mail'}), h('dd', {id: 'account-email', text: m.email}),
      h('dt', {text: 'Role'}), h('dd', {text: (m.roles || [m.role]).join(', ')}),
      h('dt', {text: 'Tier'}), h('dd', {text: m.tier + (m.rateLimit ? ` (${m.rateLimit.perMinute} requests a minute)` : '')})));
    main.append(h('h2', {text: 'API keys'}), apiKeys());
    main.append(h('h2', {text: 'Change password'}), passwordForm());
    main.append(h('h2', {text: 'Delete account'}), deletionForm());
    return null;
  }
  main.append(h('h1', {text: 'Sign in or create an account'}),
    h('div', {class: 'two-col'},
      credentialsForm('signin', 'Sign in', 'current-password', signIn),
      credentialsForm('signup', 'Create an account', 'new-password', signUp,
        'At least 12 characters, not your e-mail address. Free accounts get watchlists and a bigger rate limit.')));
  return null;
}

function credentialsForm(id, title, autocomplete, action, hint) {
  const message = h('div', {class: 'form-message'});
  const email = h('input', {id: id + '-email', name: 'email', type: 'email', required: true, autocomplete: 'email'});
  const password = h('input', {id: id + '-password', name: 'password', type: 'password', required: true, minlength: id === 'signup' ? 12 : undefined, autocomplete,
    'aria-describedby': hint ? id + '-hint' : undefined});
  const button = h('button', {type: 'submit', text: title});
  const form = h('form', {class: 'panel form', id: id + '-form', 'aria-labelledby': id + '-title', novalidate: false,
    onsubmit: async (e) => {
      e.preventDefault();
      button.disabled = true;
      replace(message);
      try {
        await action(email.value.trim(), password.value);
        navigate(id === 'signup' ? '/watchlists' : '/account');
      } catch (err) {
        replace(message, errorBox(err));
        button.disabled = false;
      }
    }},
    h('h2', {id: id + '-title', text: title}),
    h('label', {for: email.id, text: 'E-mail'}), email,
    h('label', {for: password.id, text: 'Password'}), password,
    hint ? h('p', {class: 'muted small', id: id + '-hint', text: hint}) : null,
    button, message);
  return form;
}

const day = (iso) => (iso ? iso.slice(0, 10) : '—');
const minute = (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : 'never');

/** The caller's API keys, a form to create one (shown once) and a revoke button per key. */
function apiKeys() {
  const list = h('div', {id: 'api-keys'});
  const shown = h('div', {id: 'api-key-created', 'aria-live': 'polite'});
  const name = h('input', {id: 'api-key-name', name: 'name', required: true, maxlength: 60, autocomplete: 'off',
    placeholder: 'e.g. nightly import'});
  const expiry = h('select', {id: 'api-key-expiry', name: 'expiresInDays'},
    h('option', {value: '30', text: '30 days'}),
    h('option', {value: '90', text: '90 days', selected: true}),
    h('option', {value: '365', text: '1 year'}),
    h('option', {value: '', text: 'Never'}));
  const button = h('button', {type: 'submit', text: 'Create key'});
  const load = () => section(list, 'API keys', get('/api/v1/auth/me/api-keys'), (keys) => keys.length
    ? table('Your API keys', [
      {label: 'Name', value: (k) => k.name},
      {label: 'Key', value: (k) => h('code', {text: k.prefix + '…'})},
      {label: 'Created', value: (k) => day(k.createdAt)},
      {label: 'Expires', value: (k) => (k.expiresAt ? day(k.expiresAt) + (Date.parse(k.expiresAt) <= Date.now() ? ' (expired)' : '') : 'never')},
      {label: 'Last used', value: (k) => minute(k.lastUsedAt)},
      {label: 'Revoke', value: (k) => h('button', {type: 'button', class: 'danger', text: 'Revoke',
        'aria-label': 'Revoke key ' + k.name, onclick: async (e) => {
          if (!confirm(`Revoke the key "${k.name}"? Programs using it stop working at once.`)) return;
          e.target.disabled = true;
          try { await del('/api/v1/auth/me/api-keys/' + k.id); } catch (err) { replace(shown, errorBox(err)); }
          load();
        }})},
    ], keys, {class: 'data api-keys'})
    : h('p', {class: 'muted', text: 'No API keys yet.'}));
  const form = h('form', {class: 'panel form', id: 'api-key-form', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    replace(shown, loading('new key'));
    try {
      const body = {name: name.value.trim()};
      if (expiry.value) body.expiresInDays = Number(expiry.value);
      const k = await post('/api/v1/auth/me/api-keys', body);
      const code = h('code', {id: 'new-api-key', text: k.key});
      replace(shown, h('div', {class: 'notice success', role: 'status'},
        h('strong', {text: `Key "${k.name}" created. `}),
        'Copy it now: it is shown only once. ',
        h('button', {type: 'button', class: 'secondary', text: 'Copy', onclick: (e) => copy(e.target, code, k.key)}),
        h('p', {}, code),
        h('p', {class: 'small', text: 'Use it as: curl -H "X-API-Key: ' + k.key + '" ' + location.origin + '/api/v1/instruments/AAPL/report'})));
      name.value = '';
      load();
    } catch (err) {
      replace(shown, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }},
  h('p', {class: 'muted small', id: 'api-key-hint', text: 'For scripts and programs: a key acts as you, with your tier\'s rate limit, until you revoke it or it expires. It cannot manage keys or change your password.'}),
  h('label', {for: name.id, text: 'Key name'}), name,
  h('label', {for: expiry.id, text: 'Expires after'}), expiry,
  button);
  load();
  return h('div', {}, form, shown, list);
}

/** Copies the key (the clipboard API needs https or localhost); otherwise selects it for Ctrl+C. */
async function copy(button, code, text) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch (err) {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = 'Selected: press Ctrl+C';
  }
}

/** Changes the password; the server ends every other sign-in session. */
function passwordForm() {
  const message = h('div', {class: 'form-message', 'aria-live': 'polite'});
  const current = h('input', {id: 'password-current', name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password'});
  const next = h('input', {id: 'password-new', name: 'newPassword', type: 'password', required: true, minlength: 12, autocomplete: 'new-password'});
  const button = h('button', {type: 'submit', text: 'Change password'});
  return h('form', {class: 'panel form', id: 'password-form', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    replace(message);
    try {
      await put('/api/v1/auth/me/password', {currentPassword: current.value, newPassword: next.value});
      current.value = '';
      next.value = '';
      replace(message, h('div', {class: 'notice success', role: 'status'}, 'Password changed. Your other sign-in sessions were signed out.'));
    } catch (err) {
      replace(message, errorBox(err));
    } finally {
      button.disabled = false;
    }
  }},
  h('label', {for: current.id, text: 'Current password'}), current,
  h('label', {for: next.id, text: 'New password (at least 12 characters)'}), next,
  button, message);
}

/** Deletes the account with its keys and watchlists, once the password confirms it. */
function deletionForm() {
  const message = h('div', {class: 'form-message', 'aria-live': 'polite'});
  const password = h('input', {id: 'delete-password', name: 'password', type: 'password', required: true, autocomplete: 'current-password'});
  const button = h('button', {type: 'submit', class: 'danger', text: 'Delete my account'});
  const form = h('form', {class: 'panel form', id: 'delete-form', onsubmit: async (e) => {
    e.preventDefault();
    button.disabled = true;
    replace(message);
    try {
      await deleteAccount(password.value);
      form.replaceWith(h('div', {class: 'notice success', role: 'status', id: 'account-deleted'},
        'Your account was deleted, with its API keys and watchlists. ', h('a', {href: '#/account', text: 'Sign in or create an account'})));
    } catch (err) {
      replace(message, errorBox(err));
      button.disabled = false;
    }
  }},
  h('p', {class: 'muted small', text: 'Deletes your account, your API keys and your watchlists at once; this cannot be undone. Enter your password to confirm.'}),
  h('label', {for: password.id, text: 'Password'}), password,
  button, message);
  return form;
}
