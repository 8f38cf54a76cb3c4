// Counts per day as bars; dragging across them (or arrow keys) picks a date range.
const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function s(tag, attrs) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function createTimeline(svg, onBrush) {
  let days = [];
  let brush = null; // [i0, i1]
  const W = () => svg.clientWidth || 600;
  const H = () => svg.clientHeight || 90;

  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const w = W(), hgt = H();
    svg.setAttribute("viewBox", `0 0 ${w} ${hgt}`);
    if (!days.length) return;
    const max = Math.max(...days.map((d) => d.count), 1);
    const bw = w / days.length;
    days.forEach((d, i) => {
      const bh = Math.max(1, ((hgt - 16) * d.count) / max);
      const r = s("rect", { x: i * bw + 0.5, y: hgt - 14 - bh, width: Math.max(1, bw - 1), height: bh, class: "bar" });
      const title = s("title", {});
      title.textContent = `${d.day}${d.last !== d.day ? ` – ${d.last}` : ""}: ${d.count}`;
      r.append(title);
      svg.append(r);
    });
    const first = s("text", { x: 2, y: hgt - 2, class: "axis" });
    first.textContent = days[0].day;
    const last = s("text", { x: w - 2, y: hgt - 2, class: "axis", "text-anchor": "end" });
    last.textContent = days[days.length - 1].last;
    svg.append(first, last);
    if (brush) {
      const [a, b] = [Math.min(...brush), Math.max(...brush)];
      svg.append(s("rect", { x: a * bw, y: 0, width: (b - a + 1) * bw, height: hgt - 14, class: "brush" }));
    }
  }

  const index = (evt) => {
    const rect = svg.getBoundingClientRect();
    return Math.max(0, Math.min(days.length - 1, Math.floor(((evt.clientX - rect.left) / rect.width) * days.length)));
  };
  const emit = () => {
    if (!brush) return onBrush(null, null);
    const [a, b] = [Math.min(...brush), Math.max(...brush)];
    onBrush(days[a].day, days[b].last);
  };
  let dragging = false;
  svg.addEventListener("pointerdown", (e) => { if (!days.length) return; dragging = true; svg.setPointerCapture(e.pointerId); brush = [index(e), index(e)]; draw(); });
  svg.addEventListener("pointermove", (e) => { if (dragging) { brush[1] = index(e); draw(); } });
  svg.addEventListener("pointerup", () => { if (dragging) { dragging = false; emit(); } });
  svg.addEventListener("keydown", (e) => {
    if (!days.length) return;
    if (e.key === "Escape") { brush = null; draw(); emit(); return; }
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const step = e.key === "ArrowRight" ? 1 : -1;
    if (!brush) brush = [0, days.length - 1];
    if (e.shiftKey) brush[1] = Math.max(0, Math.min(days.length - 1, brush[1] + step));
    else brush = brush.map((i) => Math.max(0, Math.min(days.length - 1, i + step)));
    draw(); emit();
  });
  window.addEventListener("resize", draw);

  return {
    set(counts) {
      // fill the gaps so bars are equal stretches of time: a day each, or a few days
      // each when the range is long (at most ~150 bars)
      days = [];
      if (counts.length) {
        const t0 = Date.parse(counts[0].key), t1 = Date.parse(counts[counts.length - 1].key);
        const span = Math.round((t1 - t0) / DAY) + 1;
        const width = Math.max(1, Math.ceil(span / 150));
        const iso = (t) => new Date(t).toISOString().slice(0, 10);
        for (let i = 0; i * width < span; i++) {
          const a = t0 + i * width * DAY;
          days.push({ day: iso(a), last: iso(Math.min(t1, a + (width - 1) * DAY)), count: 0 });
        }
        for (const c of counts) days[Math.floor((Date.parse(c.key) - t0) / DAY / width)].count += c.count;
      }
      brush = null;
      draw();
    },
  };
}
