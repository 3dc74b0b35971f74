// Connected actions: announce a pursuit across the border (starts the operation, then sends the phone's positions)
// and acknowledge a notification. Each is queued on the phone with its own idempotency key first and sent when there
// is a signal and a session; a replay after a lost answer is recognised by the node, so each is delivered once.
import { h, t } from './ui.js';
import { queue, pursuit, session } from './store.js';

let flushing = null;

function problemText(body, status) {
  const first = body?.errors?.[0];
  return first ? `${first.field}: ${first.message}` : body?.detail ?? body?.title ?? String(status);
}

async function post(path, key, body, token) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  const json = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
  return { status: response.status, body: json };
}

// One action: true when done (sent or refused for good), false to stop and try again later.
async function send(action, token) {
  if (action.kind === 'ack') {
    const r = await post(`/api/v1/alerts/${action.alertId}/acknowledge`, action.key, { note: null }, token);
    return settle(action, r);
  }
  let current = pursuit.get();
  if (!current?.operationId) {
    const r = await post('/api/v1/operations', action.startKey, {
      type: 'hot-pursuit', reason: action.reason, homeZone: action.homeZone, units: [{ callSign: action.callSign, officers: 2 }],
    }, token);
    if (r.status !== 201 && r.status !== 200) return settle(action, r);
    current = { ...(current ?? {}), startKey: action.startKey, callSign: action.callSign, operationId: r.body.id };
    pursuit.set(current);
  }
  const fixes = action.fixes.map((f) => ({ unit: action.callSign, lat: f.lat, lon: f.lon, time: f.time, accuracy: f.accuracy }));
  const r = await post(`/api/v1/operations/${current.operationId}/positions`, action.key, { fixes }, token);
  action.operationId = current.operationId;
  return settle(action, r);
}

// The node's answer while another copy of the same request (same idempotency key) is still being worked on.
const IN_PROGRESS = 'urn:senningen:problem:idempotency-in-progress';
// Answers that sending again cannot change (an alert already acknowledged or closed, an operation ended, a bad or
// unknown item): the action leaves the queue with a note, so that the positions behind it still go.
const DEFINITIVE = new Set([400, 403, 404, 409, 410, 422]);

function settle(action, response) {
  if (response.status >= 200 && response.status < 300) {
    action.state = 'sent';
    return true;
  }
  if (response.status === 409 && response.body?.type === IN_PROGRESS) {
    action.retrySoon = true;
    return false;
  }
  // No session, too many requests, the node unwell: the same action may well succeed later.
  if (!DEFINITIVE.has(response.status)) return false;
  action.state = response.status === 409 ? 'settled' : 'failed';
  action.detail = problemText(response.body, response.status);
  return true;
}

function note(action) {
  if (action.state === 'sent') return t('app.actions.sent');
  return t(action.state === 'settled' ? 'app.actions.settled' : 'app.actions.failed', action.detail);
}

/** Sends what is queued, in order, once at a time; stops at the first action that must wait. */
export function flush(onChange) {
  if (flushing) return flushing;
  flushing = (async () => {
    const token = await session.renew();
    if (!token) return;
    let pending = queue.all();
    while (pending.length) {
      const action = pending[0];
      let done;
      try {
        done = await send(action, token);
      } catch {
        done = false; // no signal: keep it for later
      }
      if (!done) {
        // The node is still on this very request: ask again shortly rather than at the next round.
        if (action.retrySoon) setTimeout(() => flush(onChange).then(() => onChange?.()), 2000);
        break;
      }
      pending = queue.all().filter((a) => a.id !== action.id);
      queue.save(pending);
      queue.saveSent([...queue.sent(), action]);
      onChange?.();
    }
  })().finally(() => { flushing = null; });
  return flushing;
}

export function enqueue(action) {
  queue.save([...queue.all(), { ...action, id: crypto.randomUUID(), createdAt: new Date().toISOString(), state: 'pending' }]);
}

/** Queues the crossing announcement with the phone's position; the first one also starts the operation. */
export function announceCrossing(position, callSign, reason, homeZone) {
  const current = pursuit.get() ?? { startKey: `start-${crypto.randomUUID()}`, callSign };
  if (!pursuit.get()) pursuit.set(current);
  enqueue({
    kind: 'crossing', startKey: current.startKey, homeZone, key: `pos-${crypto.randomUUID()}`, callSign: current.callSign, reason,
    fixes: [{ lat: position.lat, lon: position.lon, time: new Date(position.time).toISOString(), accuracy: position.accuracy }],
  });
}

export function renderActions(bundle, state, rerender) {
  const s = session.get();
  const token = session.token();
  const pending = queue.all();
  const current = pursuit.get();
  const form = h('form.card', { 'data-testid': 'crossing-form', onsubmit: (e) => {
    e.preventDefault();
    if (!state.position) { state.actionError = t('app.actions.no-position'); rerender(); return; }
    const data = new FormData(e.target);
    announceCrossing(state.position, String(data.get('callSign') || s?.username || 'unit'), String(data.get('reason') || t('app.actions.reason-default')), state.homeZone);
    state.actionError = null;
    rerender();
    flush(rerender).then(rerender);
  } },
  h('label.field', { for: 'call-sign' }, t('app.actions.call-sign')),
  h('input', { id: 'call-sign', name: 'callSign', autocomplete: 'off', value: current?.callSign ?? s?.username ?? '', readonly: current ? true : null }),
  h('label.field', { for: 'reason' }, t('app.actions.reason')),
  h('input', { id: 'reason', name: 'reason', autocomplete: 'off' }),
  h('button.big', { type: 'submit', 'data-testid': 'announce-crossing' }, t('app.actions.crossing')),
  state.actionError ? h('p.banner.error', { role: 'alert' }, state.actionError) : null);
  const alerts = (s?.roles ?? []).some((r) => r === 'ControlRoom' || r === 'LiaisonOfficer') && state.alerts?.length
    ? h('section.card', { 'data-testid': 'alerts' }, h('h3', {}, t('app.actions.alerts')), state.alerts.map((a) => h('p', {},
      `${a.operationTypeName} — ${a.fromCountry} → ${a.zone} `,
      h('button', { type: 'button', 'data-testid': `ack-${a.id}`, onclick: () => {
        enqueue({ kind: 'ack', alertId: a.id, key: `ack-${crypto.randomUUID()}` });
        state.alerts = state.alerts.filter((x) => x.id !== a.id);
        rerender();
        flush(rerender).then(rerender);
      } }, t('app.actions.acknowledge')))))
    : null;
  return [h('h2', {}, t('app.tab.actions')),
    token ? null : h('p.banner.error', { role: 'alert', 'data-testid': 'actions-sign-in' }, t('app.actions.sign-in')),
    current?.operationId ? h('p.card', { 'data-testid': 'operation' }, t('app.actions.operation', current.operationId)) : null,
    form, alerts,
    h('section.card', { 'data-testid': 'queue' },
      h('p', { 'data-testid': 'queued-count', 'data-count': pending.length }, t('app.actions.queued', pending.length)),
      h('ul.plain.queue', {}, [...pending.map((a) => h('li', {}, `${a.kind} — ${t('app.actions.pending')}`)),
        ...queue.sent().slice(-5).reverse().map((a) => h('li', { 'data-state': a.state }, `${a.kind} — ${note(a)}`))]))];
}
