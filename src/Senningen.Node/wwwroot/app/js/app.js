// The officer's app: sign-in, the kept bundle, the four screens and the phone's position. Works with no signal
// once the bundle is on the phone; the connected actions wait in the queue until there is a signal and a session.
import { h, t, setTexts, banner, formatDate } from './ui.js';
import { session, language, fetchTexts, keptBundle, refreshBundle } from './store.js';

// The screens load while the sign-in form is already usable: on a slow link, the form must not wait for them.
let m = null;
const screensReady = Promise.all([import('./guide.js'), import('./where.js'), import('./phrases.js'), import('./actions.js')])
  .then((modules) => { m = Object.assign({}, ...modules); });

const LANGUAGES = ['nl', 'fr', 'de', 'en'];
const screen = document.getElementById('screen');
const tabs = document.getElementById('tabs');
const banners = document.getElementById('banners');
const picker = document.getElementById('language');
const state = { homeZone: localStorage.getItem('senn.homeZone'), kind: null, host: null, position: null, place: null, geoError: false, switchedInto: null, alerts: [], checkedAt: null };
let bundle = null;
let nodeAsked = null; // { at, lat, lon } of the last question to the node

function currentLanguage() {
  const chosen = language.get() ?? session.get()?.language ?? navigator.language?.slice(0, 2);
  return LANGUAGES.includes(chosen) ? chosen : 'en';
}

function applyTexts() {
  document.documentElement.lang = picker.value || currentLanguage();
  document.title = t('app.title');
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
}

function tab() {
  const name = location.hash.slice(1);
  return ['guide', 'where', 'phrases', 'actions'].includes(name) ? name : 'guide';
}

function renderBanners() {
  banners.replaceChildren();
  if (!bundle) return;
  if (!navigator.onLine) banners.append(banner('', t('app.offline'), 'offline'));
  if (!session.token()) {
    const expired = banner('', t('app.session-expired'), 'session-expired');
    expired.append(' ', h('button.secondary', { type: 'button', onclick: () => renderSignIn() }, t('app.sign-in.submit')));
    banners.append(expired);
  }
  const checked = state.checkedAt ? Date.parse(state.checkedAt) : Date.parse(bundle.publishedAt);
  const days = Math.floor((Date.now() - checked) / 86400000);
  if (days >= bundle.staleAfterDays) banners.append(banner('error', t('app.stale', days), 'stale'));
}

function render() {
  applyTexts();
  renderBanners();
  if (!bundle) return;
  tabs.hidden = false;
  const current = tab();
  for (const link of tabs.querySelectorAll('a')) link.setAttribute('aria-current', link.dataset.tab === current ? 'page' : 'false');
  const screens = { guide: m.renderGuide, where: m.renderWhere, phrases: m.renderPhrases, actions: m.renderActions };
  screen.replaceChildren(...[screens[current](bundle, state, render)].flat(3).filter(Boolean),
    h('p.hint', { 'data-testid': 'bundle-version' }, t('app.version', bundle.version.slice(0, 8), formatDate(bundle.publishedAt, bundle.language)),
      ' · ', h('a', { href: '#', onclick: (e) => { e.preventDefault(); session.clear(); renderSignIn(); } }, t('app.sign-out'))));
  screen.dataset.screen = current;
  screen.dataset.ready = 'true';
}

function renderSignIn(message) {
  applyTexts();
  tabs.hidden = true;
  screen.replaceChildren(h('form.card', { 'data-testid': 'sign-in', onsubmit: signIn },
    h('h2', { 'data-text': 'app.sign-in.title' }, t('app.sign-in.title')),
    h('label.field', { for: 'username', 'data-text': 'app.sign-in.username' }, t('app.sign-in.username')),
    h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' }),
    h('label.field', { for: 'password', 'data-text': 'app.sign-in.password' }, t('app.sign-in.password')),
    h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('p', {}, h('button.big', { type: 'submit', 'data-text': 'app.sign-in.submit' }, t('app.sign-in.submit'))),
    message ? h('p.banner.error', { role: 'alert' }, message) : null));
  screen.dataset.ready = 'sign-in';
}

async function signIn(event) {
  event.preventDefault();
  const data = new FormData(event.target);
  let response;
  try {
    response = await fetch('/api/v1/auth/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
    });
  } catch {
    renderSignIn(t('app.sign-in.offline'));
    return;
  }
  if (!response.ok) {
    renderSignIn(t('app.sign-in.failed'));
    return;
  }
  const token = await response.json();
  const me = await (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token.accessToken}` } })).json();
  session.set({ accessToken: token.accessToken, expiresAt: token.expiresAt, refreshToken: token.refreshToken, refreshExpiresAt: token.refreshExpiresAt, username: me.username, country: me.country, roles: me.roles, language: me.language });
  if (!language.get()) language.set(LANGUAGES.includes(me.language) ? me.language : 'en');
  await load();
}

/** Shows the kept bundle at once, then asks the node for a newer one when there is a signal and a session. */
async function load() {
  const lang = currentLanguage();
  picker.value = lang;
  const kept = await keptBundle(lang);
  if (kept) {
    await screensReady;
    show(kept);
  }
  const token = await session.renew();
  if (token && navigator.onLine) {
    const outcome = await refreshBundle(lang, token);
    if (outcome === 'updated' || outcome === 'current') {
      await screensReady;
      show(await keptBundle(lang));
    }
  }
  if (!bundle) {
    const shown = await fetchTexts(language.get());
    setTexts(shown.texts);
    picker.value = shown.language;
    // A form being filled in is only translated, never replaced (the officer may be typing).
    if (screen.querySelector('[data-testid=sign-in]')) applyTexts();
    else renderSignIn(session.get() ? t('app.session-expired') : null);
    return;
  }
  m.flush(render).then(render);
  pollAlerts();
}

function show(kept) {
  bundle = kept.bundle;
  state.checkedAt = kept.checkedAt;
  setTexts(bundle.texts);
  render();
  updatePlace();
}

function watchPosition() {
  if (!('geolocation' in navigator)) {
    state.geoError = true;
    return;
  }
  navigator.geolocation.watchPosition((p) => {
    state.position = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, time: p.timestamp };
    state.geoError = false;
    updatePlace();
  }, () => { state.geoError = true; render(); }, { enableHighAccuracy: true, maximumAge: 5000 });
}

// The phone's answer at once from the kept outlines; the node's exact engine when online, and its answer stands.
async function updatePlace() {
  if (!bundle || !state.position) return;
  const before = state.place?.country;
  state.place = m.placeOf(bundle, state.position);
  noteCrossing(before);
  render();
  const position = state.position;
  if (!shouldAskNode(position)) return;
  nodeAsked = { at: Date.now(), lat: position.lat, lon: position.lon };
  const fromNode = await m.placeFromNode(position, session.token());
  // An answer that arrives after the signal went is not shown as the node's: offline, the phone's own answer stands.
  if (fromNode && position === state.position && navigator.onLine) {
    const previous = state.place.country;
    state.place = fromNode;
    noteCrossing(previous);
    render();
  }
}

// A phone reports its position every second or so: ask the node again after 25 m or 30 s, not each time.
function shouldAskNode(position) {
  if (!nodeAsked) return true;
  const dy = (position.lat - nodeAsked.lat) * 111195;
  const dx = (position.lon - nodeAsked.lon) * 111195 * Math.cos(position.lat * Math.PI / 180);
  return Math.hypot(dx, dy) > 25 || Date.now() - nodeAsked.at > 30000;
}

// The rules switch with the country: the guide's host follows the phone abroad, and a crossing is said once.
function noteCrossing(before) {
  const now = state.place?.country;
  // The zone of home the officer was last in runs a pursuit they announce (the operation's home zone).
  if (now === bundle.country && state.place.zone) {
    state.homeZone = state.place.zone;
    localStorage.setItem('senn.homeZone', state.homeZone);
  }
  if (now && now !== before) {
    state.switchedInto = before && now !== bundle.country ? now : null;
    if (now !== bundle.country) state.host = now;
  }
}

async function pollAlerts() {
  const s = session.get();
  const token = await session.renew();
  if (!token || !navigator.onLine || !(s?.roles ?? []).some((r) => r === 'ControlRoom' || r === 'LiaisonOfficer')) return;
  try {
    const response = await fetch('/api/v1/alerts', { headers: { Authorization: `Bearer ${token}` } });
    if (response.ok) state.alerts = (await response.json()).filter((a) => a.status === 'open' || a.status === 'escalated');
    render();
  } catch { /* no signal */ }
}

// The shown bundle stays until the chosen language's copy is there (offline, it may not be).
picker.addEventListener('change', async () => {
  language.set(picker.value);
  await load();
});
window.addEventListener('hashchange', render);
window.addEventListener('online', () => { render(); m?.flush(render).then(render); load(); });
// Without a signal the phone answers for itself, also for the position the node last confirmed.
window.addEventListener('offline', () => { render(); updatePlace(); });
setInterval(() => { if (navigator.onLine && m) m.flush(render).then(render); }, 15000);
// The access token lives minutes: renew it before it lapses, so the banner and the queue never wait for it.
setInterval(async () => { const had = session.token(); if ((await session.renew()) && !had && bundle) render(); }, 60000);

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' });
watchPosition();
load();
