// Where am I: country, control-room zone and room with its contacts, the shared talk group, distance to the border
// and the rules that apply here, from the phone's position against the kept outlines; the node's answer when online.
import { h, t, countryName } from './ui.js';
import { locate, talkGroupsFor } from './locate.js';
import { ruleCard } from './guide.js';

/** Locates a position on the phone; returns the place with the source 'phone'. */
export function placeOf(bundle, position) {
  return { ...locate(bundle.outlines, position.lat, position.lon), source: 'phone' };
}

/** The node's answer for the same position, in the shape placeOf gives; null without a signal or a session. */
export async function placeFromNode(position, token) {
  if (!token || !navigator.onLine) return null;
  try {
    const response = await fetch(`/api/v1/geo/locate?lat=${position.lat}&lon=${position.lon}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) return null;
    const v = await response.json();
    return { country: v.country, zone: v.zone, zoneIsNearest: v.zoneIsNearest, borderMetres: v.borderDistanceMetres, nearestBorder: v.nearestBorder, source: 'node' };
  } catch {
    return null;
  }
}

function distance(metres) {
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} km` : `${Math.round(metres)} m`;
}

export function emergencyCard(bundle, country) {
  const numbers = bundle.emergencyNumbers[country];
  if (!numbers) return null;
  return h('section.card', { 'data-testid': 'emergency' },
    h('h3', {}, t('app.where.numbers', countryName(country))),
    h('div.numbers', {},
      h('a', { href: `tel:${numbers.emergency.replace(/\s/g, '')}` }, h('span', {}, t('app.where.emergency')), h('span.big-number', {}, numbers.emergency)),
      h('a', { href: `tel:${numbers.police.replace(/\s/g, '')}` }, h('span', {}, t('app.where.police')), h('span.big-number', {}, numbers.police))));
}

export function renderWhere(bundle, state) {
  const title = h('h2', {}, t('app.tab.where'));
  if (state.geoError) return [title, h('p.banner.error', { role: 'alert' }, t('app.where.denied'))];
  if (!state.place) return [title, h('p', { 'data-testid': 'where-waiting' }, t('app.where.waiting'))];
  const place = state.place;
  if (!place.country) return [title, h('p.card', { 'data-testid': 'where-country' }, t('app.where.outside'))];
  const home = bundle.country;
  const room = bundle.controlRooms.find((r) => r.zoneId === place.zone);
  const groups = place.country === home ? [] : talkGroupsFor(bundle.talkGroups, place.zone, home);
  const kind = bundle.missionKinds.find((k) => k.id === state.kind) ?? bundle.missionKinds[0];
  return [title,
    state.switchedInto ? h('p.banner', { role: 'alert', 'data-testid': 'rules-switched' }, t('app.where.switched', countryName(state.switchedInto))) : null,
    h('section.card', { 'data-testid': 'where' },
      h('dl.facts', {},
        h('dt', {}, t('app.where.country')), h('dd', { 'data-testid': 'where-country', 'data-country': place.country }, countryName(place.country)),
        h('dt', {}, t('app.where.zone')), h('dd', { 'data-testid': 'where-zone', 'data-zone': place.zone }, room?.zoneName ?? place.zone ?? '–'),
        h('dt', {}, t('app.where.room')), h('dd', { 'data-testid': 'where-room' }, room?.name ?? '–',
          room ? h('ul.plain', {}, room.contacts.map((c) => h('li', {}, c.kind === 'phone' ? h('a', { href: `tel:${c.value.replace(/\s/g, '')}` }, c.value) : c.value,
            c.placeholder ? h('span.muted', {}, ` (${t('app.where.placeholder')})`) : null))) : null),
        groups.length ? [h('dt', {}, t('app.where.talkgroup')), h('dd', { 'data-testid': 'where-talkgroup' },
          groups.map((g) => h('div', {}, `${g.name}: ${g.talkGroupName} · ${g.talkGroupId}`, g.placeholder ? h('span.muted', {}, ` (${t('app.where.placeholder')})`) : null)))] : null,
        h('dt', {}, t('app.where.border')), h('dd', { 'data-testid': 'where-border' }, place.borderMetres == null ? '–' : `${distance(place.borderMetres)} (${place.nearestBorder})`)),
      h('p.hint', { 'data-testid': 'where-source', 'data-source': place.source }, t(place.source === 'node' ? 'app.where.source-node' : 'app.where.source-phone'))),
    emergencyCard(bundle, place.country),
    place.country === home
      ? h('p.card', { 'data-testid': 'rules-here', 'data-host': home }, t('app.where.home'))
      : h('div', { 'data-testid': 'rules-here', 'data-host': place.country },
        h('h3', {}, `${t('app.where.rules')} — ${countryName(place.country)}`),
        kind.missions.map((id) => ruleCard(bundle, bundle.missions.find((m) => m.id === id),
          bundle.rules.find((r) => r.missionType === id && r.host === place.country), place.country)))];
}
