// Sign up, sign in, sign out. The refresh token lives in an HttpOnly cookie; the access token only in this tab.
import {currentUser, get, signIn, signOut, signUp} from './api.js';
import {h, replace} from './format.js';
import {errorBox, navigate, section} from './router.js';

export async function renderAccount(main) {
  const user = currentUser();
  if (user) {
    const me = h('div');
    main.append(h('h1', {text: 'Account'}), h('section', {class: 'panel'}, me,
      h('p', {}, h('a', {href: '#/watchlists', text: 'Your watchlists'})),
      h('button', {type: 'button', id: 'signout', class: 'secondary', text: 'Sign out',
        onclick: async () => { try { await signOut(); } finally { navigate('/account'); } }})));
    section(me, 'account', get('/api/v1/auth/me'), (m) => h('dl', {class: 'facts'},
      h('dt', {text: 'E-mail'}), h('dd', {id: 'account-email', text: m.email}),
      h('dt', {text: 'Role'}), h('dd', {text: (m.roles || [m.role]).join(', ')}),
      h('dt', {text: 'Tier'}), h('dd', {text: m.tier + (m.rateLimit ? ` (${m.rateLimit.perMinute} requests a minute)` : '')})));
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
