// The console's live map (Leaflet) and the alert sound, as one ES module for Blazor JS interop.
// Leaflet is loaded on first use, not on every page; the sound needs no Leaflet.
import { BaseMap, addLegend } from './basemap.js';

let leafletLoading = null;

function loadLeaflet(url) {
  if (window.L) {
    return Promise.resolve(window.L);
  }
  leafletLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url || 'lib/leaflet/leaflet.js';
    script.onload = () => resolve(window.L);
    script.onerror = () => { leafletLoading = null; reject(new Error(`Leaflet did not load from ${script.src}`)); };
    document.head.appendChild(script);
  });
  return leafletLoading;
}

function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

// The zone layer (ZoneMapJson) says zoneId; older GeoJSON and the tests' fixtures say zone_id.
function zoneOf(properties) {
  return properties?.zoneId ?? properties?.zone_id ?? null;
}

// Countries, shared border lines and control-room zones get their own classes so app.css can style them for light and dark.
function outlineClass(properties) {
  if (zoneOf(properties)) {
    return 'map-zone';
  }
  return properties?.pair ? 'map-border' : 'map-country';
}

function unitElement(unit) {
  const root = document.createElement('div');
  const arrow = document.createElement('span');
  const label = document.createElement('span');
  arrow.className = 'map-unit-arrow';
  arrow.setAttribute('aria-hidden', 'true');
  label.className = 'map-unit-label';
  root.append(arrow, label);
  paintUnit(root, unit);
  return root;
}

function paintUnit(root, unit) {
  const moving = typeof unit.heading === 'number';
  root.className = `map-unit map-unit-${unit.kind}${moving ? '' : ' map-unit-still'}`;
  root.firstChild.style.transform = moving ? `rotate(${unit.heading}deg)` : '';
  root.lastChild.textContent = unit.label;
}

class LiveMap {
  constructor(L, element, options) {
    this.L = L;
    this.element = element;
    this.units = new Map();
    this.tracks = new Map();
    this.outlines = null;
    this.highlighted = null;
    this.fitted = false;
    this.following = true;
    this.moving = false;
    this.zoneNames = options.zoneNames ?? {};

    this.map = L.map(element, { zoomControl: true, attributionControl: true, preferCanvas: false });
    this.map.attributionControl.addAttribution(
      `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">${escapeHtml(options.osmAttribution || '© OpenStreetMap contributors')}</a>`);
    this.base = new BaseMap(L, this.map, element, options);
    this.legend = addLegend(L, this.map, options.legend ?? {});
    // Benelux until there is something to fit.
    this.quietly(() => this.map.fitBounds([[49.45, 2.5], [53.6, 7.25]], { animate: false }));

    // Our own moves are made without animation, so movestart fires synchronously inside quietly(): any other is the user's.
    this.map.on('movestart', () => {
      if (!this.moving && this.fitted) {
        this.following = false;
        this.followButton?.classList.remove('map-hidden');
      }
    });
    this.addFollowControl(options.followLabel || 'Follow');
    this.resize = new ResizeObserver(() => this.quietly(() => this.map.invalidateSize({ animate: false })));
    this.resize.observe(element);
  }

  quietly(move) {
    this.moving = true;
    try { move(); } finally { this.moving = false; }
  }

  addFollowControl(label) {
    const L = this.L;
    const Follow = L.Control.extend({
      onAdd: () => {
        const button = L.DomUtil.create('button', 'map-follow leaflet-bar map-hidden');
        button.type = 'button';
        button.textContent = label;
        L.DomEvent.disableClickPropagation(button);
        L.DomEvent.on(button, 'click', () => {
          this.following = true;
          button.classList.add('map-hidden');
          this.fit();
        });
        this.followButton = button;
        return button;
      },
    });
    new Follow({ position: 'topright' }).addTo(this.map);
  }

  setOutlines(geojson) {
    this.outlines?.remove();
    this.outlines = null;
    if (geojson) {
      const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
      this.outlines = this.L.geoJSON(data, {
        interactive: true,
        style: feature => ({ className: outlineClass(feature.properties) }),
        onEachFeature: (feature, layer) => {
          // A zone by its name in the officer's language; the code stays beside it for operators who think in codes.
          const zone = zoneOf(feature.properties);
          const name = (zone && this.zoneNames[zone]) || feature.properties?.name;
          if (name) {
            const code = zone && zone !== name ? ` <span class="map-zone-code">${escapeHtml(zone)}</span>` : '';
            layer.bindTooltip(`${escapeHtml(String(name))}${code}`, { sticky: true });
          }
        },
      }).addTo(this.map);
      this.outlines.bringToBack();
    }
    this.highlightZone(this.highlighted);
    this.fit();
  }

  highlightZone(zoneId) {
    this.highlighted = zoneId || null;
    this.legend?.highlight(this.zoneNames[this.highlighted] ?? null);
    this.outlines?.eachLayer(layer => {
      const id = zoneOf(layer.feature?.properties);
      if (id) {
        layer.getElement?.()?.classList.toggle('map-zone-highlight', id === this.highlighted);
      }
    });
  }

  // change: { units: [{id, lat, lon, label, heading, kind}], removedUnits: [id], tracks: [{id, kind, points: [{lat, lon}], replace}],
  // removedTracks: [id] }. A track's points are appended unless replace is set.
  update(change) {
    const L = this.L;
    for (const unit of change.units ?? []) {
      const marker = this.units.get(unit.id);
      if (marker) {
        marker.setLatLng([unit.lat, unit.lon]);
        paintUnit(marker.getElement().firstChild, unit);
      } else {
        const icon = L.divIcon({ html: unitElement(unit), className: 'map-unit-icon', iconSize: null });
        this.units.set(unit.id, L.marker([unit.lat, unit.lon], { icon, keyboard: false, title: unit.label }).addTo(this.map));
      }
    }
    for (const id of change.removedUnits ?? []) {
      this.units.get(id)?.remove();
      this.units.delete(id);
    }
    for (const track of change.tracks ?? []) {
      let line = this.tracks.get(track.id);
      if (line && line.senningenKind !== track.kind) {
        line.remove();
        line = null;
      }
      if (!line) {
        line = L.polyline([], { className: `map-track map-track-${track.kind}`, interactive: false }).addTo(this.map);
        line.senningenKind = track.kind;
        this.tracks.set(track.id, line);
      }
      // Appending to the existing array and redrawing once keeps a 1 Hz update cheap on long tracks.
      const points = track.replace ? [] : line.getLatLngs();
      for (const point of track.points) {
        points.push(L.latLng(point.lat, point.lon));
      }
      line.setLatLngs(points);
    }
    for (const id of change.removedTracks ?? []) {
      this.tracks.get(id)?.remove();
      this.tracks.delete(id);
    }
    this.fit();
  }

  // Fits once to what there is; afterwards keeps the units in view only while the user has not moved the map.
  fit() {
    if (this.fitted && !this.following) {
      return;
    }
    const bounds = this.L.latLngBounds([]);
    this.units.forEach(marker => bounds.extend(marker.getLatLng()));
    if (!bounds.isValid()) {
      this.tracks.forEach(line => { if (line.getLatLngs().length > 0) bounds.extend(line.getBounds()); });
    }
    if (!bounds.isValid() && !this.fitted && this.outlines) {
      bounds.extend(this.outlines.getBounds());
    }
    if (bounds.isValid()) {
      this.quietly(() => this.map.fitBounds(bounds, { animate: false, padding: [32, 32], maxZoom: this.base.closest }));
      this.fitted = true;
    }
  }

  dispose() {
    this.resize.disconnect();
    this.map.remove();
    this.units.clear();
    this.tracks.clear();
  }
}

/**
 * Draws a map in element. options: leafletUrl, baseMapUrl, baseMapAttribution, tiles ({ url, attribution, maxZoom, subdomains }
 * or none), osmAttribution, followLabel, legend ({ road, border, zone }), zoneNames ({ zoneId: name }), outlines, highlightZone.
 */
export async function init(element, options) {
  const L = await loadLeaflet(options?.leafletUrl);
  const map = new LiveMap(L, element, options ?? {});
  if (options?.outlines) {
    map.setOutlines(options.outlines);
  }
  map.highlightZone(options?.highlightZone);
  return map;
}

// --- alert sound ------------------------------------------------------------------------------------------------------
const mutedKey = 'senningen.alerts.muted';
let audio = null;

// Browsers keep audio suspended until the user has interacted with the page: the first click or key unlocks it.
function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') {
      audio.resume().catch(() => { });
    }
  } catch {
    // No WebAudio: alerts stay visual.
  }
}
document.addEventListener('pointerdown', unlockAudio, { capture: true, passive: true });
document.addEventListener('keydown', unlockAudio, { capture: true, passive: true });

export function isMuted() {
  try {
    return localStorage.getItem(mutedKey) === 'true';
  } catch {
    return false;
  }
}

export function setMuted(muted) {
  try {
    localStorage.setItem(mutedKey, muted ? 'true' : 'false');
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  if (!muted) {
    unlockAudio();
  }
  return isMuted();
}

/** Two short tones; answers 'played', 'muted' or 'blocked' (no user gesture yet, or no WebAudio), never throws. */
export function beep() {
  if (isMuted()) {
    return 'muted';
  }
  try {
    audio ??= new AudioContext();
    if (audio.state !== 'running') {
      audio.resume().catch(() => { });
      return 'blocked';
    }
    const start = audio.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + i * 0.18;
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.16);
    });
    return 'played';
  } catch {
    return 'blocked';
  }
}
