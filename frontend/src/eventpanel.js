// The event panel: fields in English and Arabic, attributions as what they are, the article
// right-to-left with each field's evidence highlighted, and the review actions.
import { get, post, token } from "./api.js";
import { $, clear, h } from "./dom.js";
import { currentLang, t } from "./i18n.js";

let current = null; // the event detail from the API
let docIndex = 0;

export const currentEventId = () => (current ? current.id : null);

// Split the text at every evidence boundary and wrap evidence in <mark> elements.
// Only text nodes are created from the article: no markup is ever parsed from it.
export function renderArticle(el, text, spans) {
  clear(el);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { el.append(document.createTextNode(piece)); continue; }
    const roles = [...new Set(covering.map((s) => s.field))];
    const m = h("mark", { class: "ev", "data-fields": roles.join(" "), text: piece });
    el.append(m);
  }
}

function highlight(field) {
  const article = $("#article");
  let first = null;
  for (const m of article.querySelectorAll("mark")) {
    const on = field !== null && m.dataset.fields.split(" ").includes(field);
    m.classList.toggle("active", on);
    if (on && !first) first = m;
  }
  for (const b of document.querySelectorAll("#fields button.field")) b.setAttribute("aria-pressed", String(b.dataset.field === field));
  const msg = $("#rv-msg");
  if (field !== null && !first) msg.textContent = t("no_evidence");
  else if (first) { msg.textContent = ""; first.scrollIntoView({ block: "nearest" }); }
}

async function showDocument(i) {
  docIndex = i;
  const d = current.documents[i];
  if (!d) { clear($("#article")); return; }
  if (d.text === null) d.text = (await get(`api/documents/${encodeURIComponent(d.id)}`)).text;
  const spans = [];
  for (const f of current.fields) for (const s of f.spans) if (s.document_id === d.id) spans.push({ ...s, field: f.name });
  for (const a of current.attributions) if (a.document_id === d.id && a.start != null) spans.push({ start: a.start, end: a.end, field: "attributions" });
  renderArticle($("#article"), d.text, spans);
  for (const [j, li] of [...$("#documents").children].entries()) li.classList.toggle("current", j === i);
}

function statusLabel(s) { return t(`st_${s}`); }

export async function openEvent(id, onChanged) {
  current = await get(`api/events/${encodeURIComponent(id)}`);
  const panel = $("#event");
  panel.hidden = false;
  const e = current.event;
  $("#event-title").textContent = `${e.event_type} · ${e.sub_event_type}`;
  $("#event-meta").textContent = `${current.id} · ${statusLabel(current.status)} · ${t("perpetrator")[e.perpetrator_status] || e.perpetrator_status || ""} · conf. ${e.confidence ?? ""}`;
  // fields
  const tb = clear($("#fields tbody"));
  for (const f of current.fields) {
    const label = currentLang() === "ar" ? f.label_ar || f.label : f.label;
    const btn = h("button", { type: "button", class: "field", "data-field": f.name, "aria-pressed": "false", text: label });
    btn.addEventListener("click", () => highlight(btn.getAttribute("aria-pressed") === "true" ? null : f.name));
    const machine = f.edited ? h("del", { text: `${f.machine ?? "—"}` }) : "";
    tb.append(h("tr", { class: f.edited ? "edited" : "" }, h("th", {}, btn), h("td", { text: f.value ?? "" }),
      h("td", { lang: "ar", dir: "rtl", text: f.value_ar ?? "" }), h("td", {}, machine)));
  }
  // attributions: who said what about whom, and how sure
  const ul = clear($("#attributions"));
  for (const a of current.attributions) {
    const li = h("li", { class: `stance-${a.stance}`, dir: "auto" }, t("attributed")(a.by, a.stance, currentLang() === "ar" ? a.actor_ar || a.actor_en : a.actor_en),
      " ", h("span", { lang: "ar", dir: "rtl", text: `«${a.text}»` }));
    ul.append(li);
  }
  if (!current.attributions.length) ul.append(h("li", { class: "none", text: "—" }));
  // documents
  const docs = clear($("#documents"));
  current.documents.forEach((d, i) => {
    const b = h("button", { type: "button", class: "doc", dir: "auto", text: `${d.published || ""} ${d.outlet || ""} — ${d.title || d.id}` });
    b.addEventListener("click", () => { showDocument(i); });
    const li = h("li", {}, b);
    if (d.url) li.append(" ", h("a", { href: d.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "↗" }));
    docs.append(li);
  });
  await showDocument(0);
  // review form options
  const sel = clear($("#rv-edit select[name=field]"));
  for (const f of current.editable) sel.append(h("option", { value: f, text: f }));
  const split = clear($("#rv-split select[name=document]"));
  for (const d of current.documents) split.append(h("option", { value: d.id, text: d.title || d.id }));
  $("#rv-split").hidden = current.documents.length < 2;
  renderHistory(onChanged);
  $("#event-close").focus();
}

function renderHistory(onChanged) {
  const ol = clear($("#history"));
  for (const r of current.history) {
    const what = r.field ? `${r.action} ${r.field}: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}` : r.action;
    const li = h("li", { class: r.reverted ? "reverted" : "" }, `${r.at.slice(0, 16).replace("T", " ")} ${t("reviewed_by")} ${r.who} — ${what}`);
    if (!r.reverted && r.action !== "revert") {
      const b = h("button", { type: "button", class: "small", text: t("revert") });
      b.addEventListener("click", () => act(`api/reviews/${r.id}/revert`, {}, onChanged));
      li.append(" ", b);
    }
    ol.append(li);
  }
}

async function act(path, body, onChanged) {
  const msg = $("#rv-msg");
  if (!token()) { msg.textContent = t("need_token"); $("#token").focus(); return; }
  try {
    const res = await post(path, body);
    msg.textContent = t("saved");
    $("#rv-edit input[name=value]").value = "";
    $("#rv-merge input[name=other]").value = "";
    await openEvent(res.event_id || current.id, onChanged);
    onChanged();
  } catch (err) {
    msg.textContent = String(err.message || err);
  }
}

export function bindReview(onChanged) {
  $("#rv-accept").addEventListener("click", () => act(`api/events/${current.id}/review`, { action: "accept" }, onChanged));
  $("#rv-reject").addEventListener("click", () => act(`api/events/${current.id}/review`, { action: "reject" }, onChanged));
  $("#rv-edit").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    act(`api/events/${current.id}/review`, { action: "edit", field: f.get("field"), value: f.get("value") }, onChanged);
  });
  $("#rv-merge").addEventListener("submit", (e) => {
    e.preventDefault();
    act(`api/events/${current.id}/merge`, { other: new FormData(e.target).get("other").trim() }, onChanged);
  });
  $("#rv-split").addEventListener("submit", (e) => {
    e.preventDefault();
    act(`api/events/${current.id}/split`, { document_id: new FormData(e.target).get("document") }, onChanged);
  });
  $("#event-close").addEventListener("click", () => { $("#event").hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#event").hidden && document.activeElement?.id !== "timeline") $("#event").hidden = true; });
}
