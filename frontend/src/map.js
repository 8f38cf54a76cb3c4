// The map: bundled Natural Earth countries as the basemap (offline), optional tiles when a
// tile URL is configured, and clustered markers coloured by ACLED event type.
import L from "leaflet";
import "leaflet.markercluster";

export const TYPE_CLASS = {
  "Battles": "t-battles",
  "Explosions/Remote violence": "t-explosions",
  "Violence against civilians": "t-vac",
  "Protests": "t-protests",
  "Riots": "t-riots",
  "Strategic developments": "t-strategic",
};

export function createMap(el, config, onPick) {
  const map = L.map(el, { center: [31, 40], zoom: 4, minZoom: 2, maxZoom: 12, worldCopyJump: false, keyboard: true });
  if (config.tile_url) {
    L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "", maxZoom: 18 }).addTo(map);
  }
  fetch("static/basemap.geojson").then((r) => r.json()).then((gj) => {
    L.geoJSON(gj, { style: { className: "country", weight: 0.8 }, interactive: false }).addTo(map);
  });
  map.attributionControl.setPrefix("Leaflet · Natural Earth");
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 40,
    iconCreateFunction: (c) => {
      // the cluster takes the colour of its most frequent type; the count is a number, not text from articles
      const counts = {};
      for (const m of c.getAllChildMarkers()) counts[m.options.typeClass] = (counts[m.options.typeClass] || 0) + 1;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
      const n = c.getChildCount();
      return L.divIcon({ html: `<span>${Number(n)}</span>`, className: `cluster ${top}`, iconSize: [34, 34] });
    },
  });
  map.addLayer(clusters);
  return {
    map,
    show(points, fit = false) {
      clusters.clearLayers();
      const markers = [];
      for (const p of points) {
        if (p.lat == null || p.lon == null) continue;
        const typeClass = TYPE_CLASS[p.event_type] || "t-other";
        const m = L.marker([p.lat, p.lon], {
          icon: L.divIcon({ className: `pin ${typeClass}`, iconSize: [14, 14] }),
          typeClass, keyboard: true, title: `${p.date || ""} ${p.event_type}`,
        });
        m.on("click", () => onPick(p.id));
        m.on("keypress", (e) => { if (e.originalEvent.key === "Enter") onPick(p.id); });
        markers.push(m);
      }
      clusters.addLayers(markers);
      // follow the filter: frame what is left (unless the filter is the map's own view)
      if (fit && markers.length) map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 7, animate: false });
    },
    bbox() {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(4)).join(",");
    },
  };
}
