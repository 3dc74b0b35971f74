// The live map's ground: the node's offline base layer (places, schematic main roads) or a configured tile service,
// and a small legend. Used by livemap.js; nothing here leaves the node unless a tile service is configured.

// Smallest zoom at which each rank of place is labelled: the big cities first, towns only when zoomed in.
const placeZoom = { 1: 0, 2: 8, 3: 10 };
const roadRefZoom = 8;
// Estimated label size in pixels (per character, by rank; and height), to keep labels from running into each other.
const charWidth = { 1: 8, 2: 7, 3: 6.5 };
const labelHeight = 16;

function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

// GeoNames' names are local: Dutch in the Netherlands, French in Luxembourg and France, German in Germany; Belgium's
// are Dutch or French by region, which the file does not say.
const placeLanguage = { NL: 'nl', LU: 'fr', FR: 'fr', DE: 'de' };

function placeIcon(L, properties) {
  const root = document.createElement('div');
  root.className = `map-place map-place-rank-${properties.rank}`;
  const dot = document.createElement('span');
  dot.className = 'map-place-dot';
  dot.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'map-place-name';
  name.textContent = properties.name;
  // A place keeps its local name in every console language ("Luxembourg" on a Dutch map is the town, not the English
  // word): say which language it is in, and that it is not to be translated.
  name.lang = placeLanguage[properties.country] ?? 'und';
  name.translate = false;
  root.append(dot, name);
  return L.divIcon({ html: root, className: 'map-place-icon', iconSize: null });
}

function roadRefIcon(L, ref) {
  const root = document.createElement('span');
  root.className = `map-road-ref${ref.startsWith('E') ? ' map-road-ref-e' : ''}`;
  root.textContent = ref;
  return L.divIcon({ html: root, className: 'map-place-icon', iconSize: null });
}

export class BaseMap {
  // options: baseMapUrl, baseMapAttribution, tiles: { url, attribution, maxZoom, subdomains } or null.
  constructor(L, map, element, options) {
    this.L = L;
    this.map = map;
    this.element = element;
    this.options = options;
    this.offline = null;
    this.tiles = null;
    this.places = [];
    this.refs = [];
    map.createPane('senningen-roads').style.zIndex = 390;
    map.createPane('senningen-places').style.zIndex = 450;
    const tiles = options.tiles;
    if (tiles?.url) {
      let loaded = false;
      this.tiles = L.tileLayer(tiles.url, {
        maxZoom: tiles.maxZoom || 19,
        subdomains: tiles.subdomains || 'abc',
        attribution: escapeHtml(tiles.attribution || ''),
      });
      this.tiles.on('tileload', () => { loaded = true; });
      // A tile service that cannot be reached (a closed network, an outage) must not leave the map blank.
      this.tiles.on('tileerror', () => { if (!loaded) this.showOffline(); });
      this.tiles.addTo(map);
    } else {
      this.showOffline();
    }
    map.on('zoomend', () => this.showForZoom());
    this.showForZoom();
  }

  // Closest zoom worth fitting to: the tile service's streets, or the schematic layer's scale.
  get closest() {
    return this.tiles ? Math.min(15, this.options.tiles.maxZoom || 19) : 11;
  }

  showOffline() {
    if (this.offline || !this.options.baseMapUrl) {
      return;
    }
    this.offline = this.L.layerGroup().addTo(this.map);
    this.element.classList.add('live-map-offline');
    if (this.options.baseMapAttribution) {
      this.map.attributionControl.addAttribution(escapeHtml(this.options.baseMapAttribution));
    }
    fetch(this.options.baseMapUrl, { credentials: 'same-origin' })
      .then(response => (response.ok ? response.json() : Promise.reject(new Error(`base map: ${response.status}`))))
      .then(layer => this.draw(layer))
      .catch(() => this.element.classList.add('live-map-no-base'));
  }

  draw(layer) {
    const L = this.L;
    for (const feature of layer.features ?? []) {
      const p = feature.properties ?? {};
      const c = feature.geometry?.coordinates;
      if (p.kind === 'road' && Array.isArray(c)) {
        const line = c.map(([lon, lat]) => [lat, lon]);
        L.polyline(line, { pane: 'senningen-roads', className: 'map-road-casing', interactive: false }).addTo(this.offline);
        L.polyline(line, { pane: 'senningen-roads', className: 'map-road', interactive: false }).addTo(this.offline);
        // Halfway along the middle segment: the vertices are places, whose labels the number must not cover.
        const k = Math.max(1, Math.floor(line.length / 2));
        const middle = [(line[k - 1][0] + line[k][0]) / 2, (line[k - 1][1] + line[k][1]) / 2];
        const ref = L.marker(middle, { pane: 'senningen-places', icon: roadRefIcon(L, p.ref), interactive: false, keyboard: false });
        this.refs.push({ marker: ref, halfWidth: String(p.ref).length * 4 + 6 });
        ref.addTo(this.offline);
      } else if (p.kind === 'place' && Array.isArray(c)) {
        const marker = L.marker([c[1], c[0]], { pane: 'senningen-places', icon: placeIcon(L, p), interactive: false, keyboard: false });
        this.places.push({ marker, rank: p.rank, width: String(p.name).length * (charWidth[p.rank] ?? 7) + 10 });
      }
    }
    // The file lists the largest first, which is the order labels claim their room in; drawn last, they are on top.
    [...this.places].reverse().forEach(place => place.marker.addTo(this.offline));
    this.element.dataset.baseMap = 'drawn';
    this.showForZoom();
  }

  // The container says which ranks to show; app.css hides the others (cheaper than adding and removing markers).
  showForZoom() {
    const zoom = this.map.getZoom();
    const rank = Object.entries(placeZoom).filter(([, from]) => zoom >= from).map(([r]) => Number(r)).reduce((a, b) => Math.max(a, b), 1);
    this.element.dataset.places = String(rank);
    this.element.dataset.roadRefs = zoom >= roadRefZoom ? 'shown' : 'hidden';
    this.declutter(rank, zoom >= roadRefZoom);
  }

  // A label that would overlap a larger place's is left out at this zoom; positions in layer pixels hold until the next zoom.
  declutter(rank, refsShown) {
    // Road numbers are few and centred on their line: they keep their room, a place label under one gives way.
    const taken = refsShown ? this.refs.map(({ marker, halfWidth }) => {
      const at = this.map.latLngToLayerPoint(marker.getLatLng());
      return { left: at.x - halfWidth, right: at.x + halfWidth, top: at.y - labelHeight / 2, bottom: at.y + labelHeight / 2 };
    }) : [];
    for (const place of this.places) {
      const element = place.marker.getElement();
      if (!element || place.rank > rank) {
        continue;
      }
      const at = this.map.latLngToLayerPoint(place.marker.getLatLng());
      const box = { left: at.x - 4, right: at.x + place.width, top: at.y - labelHeight / 2, bottom: at.y + labelHeight / 2 };
      const crowded = taken.some(t => box.left < t.right && t.left < box.right && box.top < t.bottom && t.top < box.bottom);
      element.classList.toggle('map-place-crowded', crowded);
      if (!crowded) {
        taken.push(box);
      }
    }
  }
}

// A legend in the map's corner: what the lines are, and the highlighted zone by name.
export function addLegend(L, map, texts) {
  const Legend = L.Control.extend({
    onAdd: () => {
      const box = L.DomUtil.create('div', 'map-legend');
      L.DomEvent.disableClickPropagation(box);
      const rows = [
        ['map-legend-road', texts.road],
        ['map-legend-border', texts.border],
        ['map-legend-zone', texts.zone],
      ].filter(([, label]) => label);
      for (const [swatch, label] of rows) {
        const row = document.createElement('div');
        row.innerHTML = `<span class="map-legend-swatch ${swatch}" aria-hidden="true"></span>${escapeHtml(label)}`;
        box.append(row);
      }
      const highlighted = document.createElement('div');
      highlighted.className = 'map-legend-highlight map-hidden';
      highlighted.dataset.testid = 'map-legend-highlight';
      box.append(highlighted);
      return box;
    },
  });
  const legend = new Legend({ position: 'bottomleft' });
  legend.addTo(map);
  return {
    // Names the stand-out zone (e.g. the alert's) in the legend, or hides the line (also for an id no zone has).
    highlight(name) {
      const row = legend.getContainer()?.querySelector('.map-legend-highlight');
      if (!row) {
        return;
      }
      row.classList.toggle('map-hidden', !name);
      row.innerHTML = name ? `<span class="map-legend-swatch map-legend-zone-highlight" aria-hidden="true"></span>${escapeHtml(name)}` : '';
    },
  };
}
