// Keeps the app's shell on the phone so it opens in flight mode. The bundle and the texts are kept by the page itself
// (js/store.js) because it decides when a copy is current; this worker only serves the files that make the app.
const SHELL = 'senningen-shell-v1';
const FILES = [
  '/app/index.html', '/app/app.css', '/app/manifest.webmanifest', '/app/icons/icon.svg', '/app/icons/icon-192.png',
  '/app/js/app.js', '/app/js/store.js', '/app/js/locate.js', '/app/js/guide.js', '/app/js/where.js', '/app/js/phrases.js',
  '/app/js/actions.js', '/app/js/ui.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('senningen-shell-') && k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The shell: network first so a new version of the app arrives with the signal, the kept copy when there is none.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/app/')) {
    return;
  }
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(SHELL).then((cache) => cache.put(url.pathname === '/app/' ? '/app/index.html' : event.request, copy));
      }
      return response;
    })
    .catch(() => caches.match(url.pathname === '/app/' ? '/app/index.html' : event.request, { ignoreSearch: true })
      .then((hit) => hit || Response.error())));
});
