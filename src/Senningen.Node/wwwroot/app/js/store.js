// What the phone keeps: the session, the bundle per language (Cache Storage, with its ETag), the ticks of the
// checklists and the queue of connected actions (localStorage, so a queued action survives a closed app).
const BUNDLES = 'senningen-bundle-v1';
const KEYS = { session: 'senn.session', language: 'senn.language', checked: 'senn.checked.', queue: 'senn.queue', sent: 'senn.sent', pursuit: 'senn.pursuit', texts: 'senn.texts.' };

const read = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; } };
const write = (key, value) => localStorage.setItem(key, JSON.stringify(value));

export const session = {
  get: () => read(KEYS.session, null),
  set: (value) => write(KEYS.session, value),
  clear: () => localStorage.removeItem(KEYS.session),
  /** The token while it is valid: the guide stays readable without it, the actions do not. */
  token() {
    const s = read(KEYS.session, null);
    return s && Date.parse(s.expiresAt) > Date.now() + 5000 ? s.accessToken : null;
  },
  /**
   * The token, renewed first with the refresh token when it has (nearly) expired: access tokens live minutes. A refusal
   * means the officer's access was withdrawn or the refresh token expired; the refresh token is dropped, the sign-in returns.
   */
  async renew() {
    const s = read(KEYS.session, null);
    if (!s || Date.parse(s.expiresAt) > Date.now() + 60000) return session.token();
    if (!s.refreshToken || !(Date.parse(s.refreshExpiresAt) > Date.now()) || !navigator.onLine) return session.token();
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: s.refreshToken }),
      });
      if (response.status === 401 || response.status === 400) write(KEYS.session, { ...s, refreshToken: null });
      if (!response.ok) return session.token();
      const t = await response.json();
      write(KEYS.session, { ...s, accessToken: t.accessToken, expiresAt: t.expiresAt, refreshToken: t.refreshToken, refreshExpiresAt: t.refreshExpiresAt });
      return t.accessToken;
    } catch {
      return session.token(); // no signal: try again later
    }
  },
};

export const language = {
  get: () => localStorage.getItem(KEYS.language),
  set: (value) => localStorage.setItem(KEYS.language, value),
};

/**
 * The app's texts in lang, or in the browser's language when none was chosen yet (the URL the shell preloads):
 * { language, texts }, from the node or the copy kept on the phone.
 */
export async function fetchTexts(lang) {
  try {
    const response = await fetch(lang ? `/api/v1/app/texts?lang=${lang}` : '/api/v1/app/texts');
    if (response.ok) {
      const body = await response.json();
      write(KEYS.texts + body.language, body.texts);
      return body;
    }
  } catch { /* no signal: the kept copy below */ }
  const fallback = lang ?? 'en';
  return { language: fallback, texts: read(KEYS.texts + fallback, {}) };
}

/** The kept bundle of a language, with when the phone last confirmed it with the node. */
export async function keptBundle(lang) {
  const cache = await caches.open(BUNDLES);
  const hit = await cache.match(`/api/v1/app/bundle?lang=${lang}`);
  if (!hit) return null;
  return { bundle: await hit.json(), etag: hit.headers.get('ETag'), checkedAt: hit.headers.get('X-Checked-At') };
}

/**
 * Asks the node for the bundle, sending the kept version; keeps a new one. Answers 'updated', 'current',
 * 'unauthorised' or 'offline'.
 */
export async function refreshBundle(lang, token) {
  const kept = await keptBundle(lang);
  const headers = { Authorization: `Bearer ${token}` };
  if (kept?.etag) headers['If-None-Match'] = kept.etag;
  let response;
  try {
    response = await fetch(`/api/v1/app/bundle?lang=${lang}`, { headers, cache: 'no-store' });
  } catch {
    return 'offline';
  }
  if (response.status === 401 || response.status === 403) return 'unauthorised';
  const cache = await caches.open(BUNDLES);
  const now = new Date().toISOString();
  if (response.status === 304 && kept) {
    await cache.put(`/api/v1/app/bundle?lang=${lang}`, keptResponse(JSON.stringify(kept.bundle), kept.etag, now));
    return 'current';
  }
  if (!response.ok) return 'offline';
  const text = await response.text();
  await cache.put(`/api/v1/app/bundle?lang=${lang}`, keptResponse(text, response.headers.get('ETag'), now));
  return 'updated';
}

function keptResponse(body, etag, checkedAt) {
  return new Response(body, { headers: { 'Content-Type': 'application/json', ETag: etag ?? '', 'X-Checked-At': checkedAt } });
}

export const checklist = {
  get: (id) => new Set(read(KEYS.checked + id, [])),
  set: (id, items) => write(KEYS.checked + id, [...items]),
};

export const queue = {
  all: () => read(KEYS.queue, []),
  save: (items) => write(KEYS.queue, items),
  sent: () => read(KEYS.sent, []),
  saveSent: (items) => write(KEYS.sent, items.slice(-20)),
};

export const pursuit = {
  get: () => read(KEYS.pursuit, null),
  set: (value) => write(KEYS.pursuit, value),
  clear: () => localStorage.removeItem(KEYS.pursuit),
};
