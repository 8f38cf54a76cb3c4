// The page: filters -> events list, map and timeline; a click opens the event panel.
import { get } from "./api.js";
import { $, clear, h } from "./dom.js";
import { bindReview, currentEventId, openEvent } from "./eventpanel.js";
import { applyLang, currentLang, t } from "./i18n.js";
import { TYPE_CLASS, createMap } from "./map.js";
import { createTimeline } from "./timeline.js";

const form = () => $("#filters");
let cursor = null;
let mapView = null;
let timeline = null;

function params({ dates = true, extra = {} } = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form()).entries()) {
    if (k === "use_bbox" || v === "") continue;
    if (!dates && (k === "since" || k === "until")) continue;
    p.set(k, String(v).trim());
  }
  if (form().elements.use_bbox.checked && mapView) p.set("bbox", mapView.bbox());
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) p.set(k, v);
  return p;
}

let typesAr = {};

function row(e) {
  const ar = currentLang() === "ar";
  const tr = h("tr", { tabindex: "0", "data-id": e.id, class: `st-${e.status}` },
    h("td", { text: e.event_date || "" }),
    h("td", { title: ar ? typesAr[e.event_type] || e.event_type : e.event_type },
      h("span", { class: `dot ${TYPE_CLASS[e.event_type] || "t-other"}` }), ` ${e.sub_event_type}`),
    h("td", { dir: "auto", text: ar ? [e.location_name_ar || e.location_name_en, e.country].filter(Boolean).join("، ")
      : [e.location_name_en, e.admin1, e.country].filter(Boolean).join(", ") }),
    h("td", { dir: "auto", text: (ar ? [e.actor1_name_ar || e.actor1_name, e.actor2_name_ar || e.actor2_name]
      : [e.actor1_name, e.actor2_name]).filter(Boolean).join(ar ? " ← " : " → ") }),
    h("td", { text: t(`st_${e.status}`) }));
  const open = () => openEvent(e.id, refresh);
  tr.addEventListener("click", open);
  tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
  return tr;
}

async function loadList(append = false) {
  const p = params({ extra: { limit: 100, cursor: append ? cursor : null } });
  const res = await get("api/events", p);
  const tb = $("#events-list tbody");
  if (!append) clear(tb);
  for (const e of res.items) tb.append(row(e));
  cursor = res.next_cursor;
  $("#more").hidden = !cursor;
  $("#count").textContent = t("count")(tb.children.length, Boolean(cursor));
  const q = params().toString();
  $("#export-csv").setAttribute("href", `api/export?format=csv&${q}`);
  $("#export-geojson").setAttribute("href", `api/export?format=geojson&${q}`);
  $("#export-json").setAttribute("href", `api/export?format=json&${q}`);
}

async function refresh() {
  await Promise.all([
    loadList(),
    get("api/events/points", params()).then((r) => mapView.show(r.items, !form().elements.use_bbox.checked)),
    get("api/stats", params({ dates: false, extra: { by: "day" } })).then((r) => timeline.set(r.items)),
  ]);
}

async function fillOptions() {
  const facets = await get("api/facets");
  typesAr = facets.event_types_ar;
  const fill = (name, values) => {
    const sel = form().elements[name];
    for (const v of values) sel.append(h("option", { value: v, text: v }));
  };
  fill("event_type", facets.event_types);
  fill("sub_event_type", facets.sub_event_types);
  fill("plover_type", facets.plover_types);
  const legend = $("#legend");
  for (const ty of facets.event_types) legend.append(h("span", { class: "key" }, h("span", { class: `dot ${TYPE_CLASS[ty] || "t-other"}` }), ` ${ty}`));
}

async function start() {
  applyLang();
  const config = await get("api/config");
  mapView = createMap($("#map"), config, (id) => openEvent(id, refresh));
  timeline = createTimeline($("#timeline"), (since, until) => {
    form().elements.since.value = since || "";
    form().elements.until.value = until || "";
    loadList();
    get("api/events/points", params()).then((r) => mapView.show(r.items));
  });
  bindReview(refresh);
  $("#lang-toggle").addEventListener("click", () => {
    applyLang(currentLang() === "en" ? "ar" : "en");
    loadList();
    if (!$("#event").hidden && currentEventId()) openEvent(currentEventId(), refresh);
  });
  form().addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  form().addEventListener("reset", () => setTimeout(refresh, 0));
  $("#more").addEventListener("click", () => loadList(true));
  const saved = sessionStorage.getItem("marsad.token");
  if (saved) $("#token").value = saved;
  $("#token").addEventListener("change", () => sessionStorage.setItem("marsad.token", $("#token").value));
  const actors = await get("api/actors", new URLSearchParams({ limit: 500 }));
  for (const a of actors.items) $("#actor-list").append(h("option", { value: a.name_en }));
  await fillOptions();
  await refresh();
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  start().catch((err) => { document.body.dataset.error = String(err); console.error(err); });
});
