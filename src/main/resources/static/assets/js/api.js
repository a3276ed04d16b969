// The API client: JSON in and out, problem+json errors, the access token, and the loading indicator.

const TOKEN_KEY = 'qnt9.access';
const SIGNED_IN_KEY = 'qnt9.signedIn';

/** An API error carrying the RFC 9457 problem (title, detail, status, type, and extras such as errors). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** A sentence for people: the problem's detail, with the wait for rate limits. */
  get friendly() {
    if (this.status === 429) {
      const wait = this.retryAfter ? ` Please wait ${this.retryAfter} s and try again.` : ' Please try again shortly.';
      return 'Too many requests. ' + (this.problem.detail || '') + wait;
    }
    if (this.status === 0) return 'The service cannot be reached. Check your connection and try again.';
    if (this.status >= 500 && !this.problem.detail) return 'The service had a problem (HTTP ' + this.status + '). Please try again.';
    return this.message;
  }
}

// --- session -------------------------------------------------------------------------------------------------

let session = readSession();
const listeners = new Set();

function readSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    return s && s.accessToken ? s : null;
  } catch {
    return null;
  }
}

function storeSession(tokens) {
  session = tokens ? {accessToken: tokens.accessToken, expiresAt: Date.now() + (tokens.expiresIn || 900) * 1000, user: tokens.user} : null;
  if (session) {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    localStorage.setItem(SIGNED_IN_KEY, '1');
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(SIGNED_IN_KEY);
  }
  listeners.forEach((fn) => fn(currentUser()));
}

export function currentUser() {
  return session ? session.user : null;
}

export function isAdmin() {
  const u = currentUser();
  return !!u && Array.isArray(u.roles) && u.roles.includes('ADMIN');
}

export function onSessionChange(fn) {
  listeners.add(fn);
}

let refreshing = null;

/** New access token from the HttpOnly refresh cookie; one refresh at a time (refresh tokens are single use). */
export function refresh() {
  if (!refreshing) {
    refreshing = raw('POST', '/api/v1/auth/refresh', {}, false)
      .then((tokens) => { storeSession(tokens); return true; })
      .catch(() => { storeSession(null); return false; })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** At start-up: keep a still-valid token, else refresh — but only if this browser signed in before (no 401 noise). */
export async function restoreSession() {
  if (session && session.expiresAt > Date.now() + 30_000) return true;
  if (!localStorage.getItem(SIGNED_IN_KEY)) { session = null; return false; }
  return refresh();
}

export async function signIn(email, password) {
  storeSession(await raw('POST', '/api/v1/auth/signin', {email, password}, false));
}

export async function signUp(email, password) {
  storeSession(await raw('POST', '/api/v1/auth/signup', {email, password}, false));
}

/** Deletes the signed-in account (the password confirms it); the session ends with it. */
export async function deleteAccount(password) {
  await call('DELETE', '/api/v1/auth/me', {password});
  storeSession(null);
}

/** Ends every sign-in session of the account, this one included. */
export async function signOutEverywhere() {
  try {
    await call('DELETE', '/api/v1/auth/me/sessions');
  } finally {
    storeSession(null);
  }
}

export async function signOut() {
  try {
    await raw('POST', '/api/v1/auth/signout', {}, false);
  } finally {
    storeSession(null);
  }
}

// --- loading indicator ---------------------------------------------------------------------------------------

let pending = 0;
let busyTimer = null;

function busy(delta) {
  pending += delta;
  const el = document.getElementById('busy');
  if (!el) return;
  if (pending > 0 && !busyTimer && el.hidden) {
    // Only slow calls show the indicator: no flicker for fast ones.
    busyTimer = setTimeout(() => { busyTimer = null; if (pending > 0) el.hidden = false; }, 250);
  } else if (pending === 0) {
    clearTimeout(busyTimer);
    busyTimer = null;
    el.hidden = true;
  }
}

// --- requests ------------------------------------------------------------------------------------------------

async function raw(method, path, body, auth, contentType) {
  const headers = {Accept: 'application/json'};
  if (auth && session) headers.Authorization = 'Bearer ' + session.accessToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  busy(+1);
  let response;
  try {
    response = await fetch(path, {method, headers, body: payload, credentials: 'same-origin'});
  } catch {
    throw new ApiError(0, {title: 'Network error'});
  } finally {
    busy(-1);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => ({})) : await response.text();
  if (!response.ok) {
    const problem = typeof data === 'object' && data ? data : {title: response.statusText, detail: String(data || '')};
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  return data;
}

/** A call with the access token when signed in; on 401 one refresh and one retry. */
export async function call(method, path, body, contentType) {
  if (session && session.expiresAt < Date.now() + 10_000) await refresh();
  try {
    return await raw(method, path, body, true, contentType);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && session && (await refresh())) {
      return raw(method, path, body, true, contentType);
    }
    throw e;
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);

/** Query string from an object, skipping empty values. */
export function qs(params) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, v);
  const t = s.toString();
  return t ? '?' + t : '';
}

export const enc = encodeURIComponent;
