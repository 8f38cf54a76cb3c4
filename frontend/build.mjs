// Builds the page into ../marsad/serve/static/: one JS bundle, one CSS bundle, the basemap.
// Run `npm ci && npm run build`; the output is committed so Python users need no Node.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { feature } from "topojson-client";

const out = new URL("../marsad/serve/static/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ["src/main.js"], bundle: true, minify: true, format: "iife",
  target: ["es2020"], outfile: out + "app.js", legalComments: "linked",
});
await build({
  entryPoints: ["src/style.css"], bundle: true, minify: true, outfile: out + "app.css",
  loader: { ".png": "file", ".svg": "file" }, assetNames: "img/[name]",
});
copyFileSync("src/index.html", out + "index.html");
// API docs: Swagger UI from the package, started by a script file (the CSP forbids inline script)
mkdirSync(out + "docs", { recursive: true });
copyFileSync("src/docs.html", out + "docs/index.html");
copyFileSync("src/docs-init.js", out + "docs/init.js");
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) copyFileSync("node_modules/swagger-ui-dist/" + f, out + "docs/" + f);

// Basemap: Natural Earth 1:50m countries (public domain, via world-atlas), clipped to the
// region marsad covers and rounded to 0.01 degree, so the page needs no tile server.
const BBOX = [-20, 0, 66, 46]; // west, south, east, north: North Africa, the Levant, Gulf, Iran
const topo = JSON.parse(readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const fc = feature(topo, topo.objects.countries);
const r = (x) => Math.round(x * 100) / 100;
const ringBox = (ring) => ring.reduce((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)], [180, 90, -180, -90]);
const hits = (b) => !(b[2] < BBOX[0] || b[0] > BBOX[2] || b[3] < BBOX[1] || b[1] > BBOX[3]);
const dedupe = (ring) => ring.map(([x, y]) => [r(x), r(y)]).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
const features = [];
for (const f of fc.features) {
  if (!f.geometry) continue;
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polys.filter((p) => hits(ringBox(p[0]))).map((p) => p.map(dedupe).filter((ring) => ring.length >= 4));
  if (!kept.length) continue;
  features.push({ type: "Feature", properties: { name: f.properties.name, id: f.id }, geometry: { type: "MultiPolygon", coordinates: kept } });
}
writeFileSync(out + "basemap.geojson", JSON.stringify({ type: "FeatureCollection", features }));
cpSync("node_modules/world-atlas/LICENSE", out + "LICENSE.world-atlas.txt");
cpSync("node_modules/leaflet/LICENSE", out + "LICENSE.leaflet.txt");
cpSync("node_modules/leaflet.markercluster/MIT-LICENCE.txt", out + "LICENSE.leaflet.markercluster.txt");
console.log(`built into ${out}: ${features.length} countries in the basemap`);
