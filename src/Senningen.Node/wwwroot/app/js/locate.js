// Where the phone is, from the bundle's simplified outlines: the same rules as the node's engine (inside is even-odd
// over all rings, the treaty parties in order, the first zone of the country in file order, else the nearest zone),
// so that with no signal the answer differs from the node's only within the outlines' tolerance of a boundary.
const METRES_PER_DEGREE = 6371008.8 * Math.PI / 180;

function inside(rings, lon, lat) {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function squaredToSegment(lon, lat, kx, x1, y1, x2, y2) {
  const ax = (x1 - lon) * kx, ay = (y1 - lat) * METRES_PER_DEGREE;
  const dx = (x2 - lon) * kx - ax, dy = (y2 - lat) * METRES_PER_DEGREE - ay;
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length)) : 0;
  const cx = ax + t * dx, cy = ay + t * dy;
  return cx * cx + cy * cy;
}

function metresToRings(rings, lon, lat, kx) {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 3 < ring.length; i += 2) {
      best = Math.min(best, squaredToSegment(lon, lat, kx, ring[i], ring[i + 1], ring[i + 2], ring[i + 3]));
    }
  }
  return Math.sqrt(best);
}

/** { country, zone, zoneIsNearest, borderMetres, nearestBorder } or country null outside BE, NL and LU. */
export function locate(outlines, lat, lon) {
  const kx = METRES_PER_DEGREE * Math.cos(lat * Math.PI / 180);
  const country = outlines.countries.find((c) => inside(c.rings, lon, lat))?.id ?? null;
  if (!country) return { country: null, zone: null, zoneIsNearest: false, borderMetres: null, nearestBorder: null };
  const zones = outlines.zones.filter((z) => z.country === country);
  let zone = zones.find((z) => inside(z.rings, lon, lat));
  let zoneIsNearest = false;
  if (!zone && zones.length) {
    zone = zones.reduce((a, b) => (metresToRings(a.rings, lon, lat, kx) <= metresToRings(b.rings, lon, lat, kx) ? a : b));
    zoneIsNearest = true;
  }
  let borderMetres = Infinity, nearestBorder = null;
  for (const border of outlines.borders) {
    if (!border.pair.split('|').includes(country)) continue;
    const d = metresToRings([border.line], lon, lat, kx);
    if (d < borderMetres) { borderMetres = d; nearestBorder = border.pair; }
  }
  return { country, zone: zone?.id ?? null, zoneIsNearest, borderMetres: Number.isFinite(borderMetres) ? borderMetres : null, nearestBorder };
}

/** The shared talk groups for an officer of home in a zone of another country, as the node's TalkGroupDirectory.For. */
export function talkGroupsFor(talkGroups, zone, home) {
  return talkGroups.filter((g) => g.zones[home] && Object.entries(g.zones).some(([side, zones]) => side !== home && zones.includes(zone)));
}
