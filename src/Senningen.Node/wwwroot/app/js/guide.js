// The mission guide: per mission type and host country, what the officer may do, must do, may not do, weapons and
// force, with the legal basis and unconfirmed rules marked; and the checklists they tick during the mission.
// It renders the catalogue's own views from the bundle (TreatyRuleView), the same the console's guide shows.
import { h, t, countryName } from './ui.js';
import { checklist } from './store.js';

const DEADLINE_STEP = { 'before-crossing': 'before', 'before-action': 'before', immediately: 'crossing', none: 'crossing', 'within-hours': 'after' };

export function deadlineText(notification) {
  return notification.deadline === 'within-hours'
    ? t('guide.deadline.within-hours', notification.deadlineHours ?? 0)
    : t(`guide.deadline.${notification.deadline}`);
}

/** The checklist of a rule, derived from its fields so that it never says more than the catalogue. */
export function checklistOf(rule, missionId) {
  const steps = { before: [], crossing: [], after: [] };
  rule.conditions.forEach((c, i) => steps.before.push({ id: `c${i}`, text: c }));
  if (rule.notification) {
    const n = rule.notification;
    steps[DEADLINE_STEP[n.deadline] ?? 'crossing'].push({ id: 'notify', text: t('app.check.notify', n.whom, deadlineText(n)) });
  }
  if (missionId === 'hot-pursuit') steps.crossing.push({ id: 'announce', text: t('app.check.announce') });
  if (rule.reporting) steps.after.push({ id: 'report', text: t('app.check.report', rule.reporting) });
  return steps;
}

export function ruleCard(bundle, mission, rule, host) {
  if (!rule) {
    return h('section.card', { 'data-testid': 'rule-card' }, h('h3', {}, mission.name), h('p.banner', {}, t('guide.no-rule')));
  }
  const powers = rule.powers;
  const must = [...rule.conditions];
  if (rule.notification) must.push(`${t('guide.notification')} — ${rule.notification.whom}. ${rule.notification.when}`);
  if (rule.reporting) must.push(`${t('guide.reporting')} — ${rule.reporting}`);
  return h(`section.card${rule.verify ? '.unconfirmed' : ''}`, { 'data-testid': 'rule-card', 'data-mission': mission.id, 'data-host': host },
    h('h3', {}, mission.name),
    h('p', {},
      h(`span.badge.${rule.allowed ? 'allowed' : 'denied'}`, { 'data-testid': 'rule-allowed' }, rule.allowed ? t('guide.allowed') : t('guide.not-allowed')), ' ',
      rule.verify ? h('span.badge.verify', { 'data-testid': 'rule-unconfirmed' }, t('guide.verify')) : null),
    h('dl.facts', {}, h('dt', {}, t('guide.legal-basis')), h('dd', { 'data-testid': 'legal-basis' }, rule.legalBasis)),
    !rule.allowed && rule.instead ? [h('h4', {}, t('guide.instead')), h('p', {}, rule.instead)] : null,
    powers ? [h('h4', {}, t('app.guide.may')), h('p', { 'data-testid': 'may' }, powers.apprehension)] : null,
    h('h4', {}, t('app.guide.must')), h('ul.plain', { 'data-testid': 'must' }, must.map((m) => h('li', {}, m))),
    powers ? [h('h4', {}, t('app.guide.may-not')), h('p', { 'data-testid': 'may-not' }, powers.mayNot)] : null,
    powers ? [h('h4', {}, t('app.guide.force')),
      h('dl.facts', {}, h('dt', {}, t('guide.weapons')), h('dd', {}, powers.weapons), h('dt', {}, t('guide.use-of-force')), h('dd', {}, powers.useOfForce))] : null,
    // The rule first, its caveat after: the officer reads what they may do before what is still to be confirmed.
    rule.verify ? h('p.banner', {}, t('app.guide.unconfirmed'), rule.openQuestion ? ` ${rule.openQuestion}` : '') : null);
}

function checklistCard(rule, mission, host) {
  if (!rule) return null;
  const id = `${mission.id}.${host}`;
  const ticked = checklist.get(id);
  const steps = checklistOf(rule, mission.id);
  const list = (step) => h('ul.checklist', {}, steps[step].map((item) => h('li', {}, h('label', {},
    h('input', { type: 'checkbox', 'data-testid': `check-${step}-${item.id}`, checked: ticked.has(`${step}.${item.id}`),
      onchange: (e) => { e.target.checked ? ticked.add(`${step}.${item.id}`) : ticked.delete(`${step}.${item.id}`); checklist.set(id, ticked); } }),
    h('span', {}, item.text)))));
  return h('section.card', { 'data-testid': 'checklist' },
    h('h3', {}, `${t('app.check.title')} — ${mission.name}`),
    ['before', 'crossing', 'after'].filter((s) => steps[s].length).map((s) => [h('h4', {}, t(`app.check.${s}`)), list(s)]));
}

/** The guide screen; state = { kind, host } chosen by the officer (the host follows the phone's country when abroad). */
export function renderGuide(bundle, state, rerender) {
  const home = bundle.country;
  const hosts = ['BE', 'NL', 'LU'].filter((c) => c !== home);
  const kind = bundle.missionKinds.find((k) => k.id === state.kind) ?? bundle.missionKinds[0];
  const host = hosts.includes(state.host) ? state.host : hosts[0];
  const picker = h('section.card', {},
    h('p', {}, t('app.guide.from', countryName(home))),
    h('label.field', { for: 'kind' }, t('app.guide.mission')),
    h('select', { id: 'kind', 'data-testid': 'kind', onchange: (e) => { state.kind = e.target.value; rerender(); } },
      bundle.missionKinds.map((k) => h('option', { value: k.id, selected: k.id === kind.id }, k.name))),
    h('p.field', { id: 'host-label' }, h('strong', {}, t('app.guide.host'))),
    h('div.chips', { role: 'group', 'aria-labelledby': 'host-label' }, hosts.map((c) =>
      h('button', { type: 'button', 'data-testid': `host-${c}`, 'aria-pressed': String(c === host), onclick: () => { state.host = c; rerender(); } }, countryName(c)))));
  const cards = kind.missions.map((id) => {
    const mission = bundle.missions.find((m) => m.id === id);
    const rule = bundle.rules.find((r) => r.missionType === id && r.host === host);
    return [ruleCard(bundle, mission, rule, host), checklistCard(rule, mission, host)];
  });
  return [h('h2', {}, t('app.tab.guide')), picker, cards];
}
