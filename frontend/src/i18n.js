// Interface text in English and Arabic; Arabic switches the page to right-to-left.
const T = {
  en: {
    title: "marsad", lang: "العربية", token: "API token", export_csv: "Export CSV", export_geojson: "GeoJSON", export_json: "PLOVER JSON",
    filters: "Filters", since: "From", until: "To", event_type: "ACLED event type", sub_event_type: "Sub-event type",
    plover_type: "PLOVER type", actor: "Actor", country: "Country (ISO2)", admin1: "Admin 1", q: "Text",
    min_confidence: "Min. confidence", review_status: "Review status", bbox: "Only the map's view", apply: "Apply",
    clear: "Clear", timeline: "Events per day (drag to filter by date; arrow keys move, Escape clears)",
    events: "Events", date: "Date", type: "Type", place: "Place", actors: "Actors", status: "Status", more: "More",
    close: "Close", fields: "Fields", field: "Field", value_en: "Value", value_ar: "القيمة", machine: "Machine",
    attributions: "Attributions", sources: "Sources", article: "Article", review: "Review", accept: "Accept",
    reject: "Reject", new_value: "New value", save_edit: "Save edit", merge_with: "Merge with event", merge: "Merge",
    split_doc: "Split off document", split: "Split", history: "History", revert: "Revert", skip: "Skip to the event list",
    st_unreviewed: "unreviewed", st_accepted: "accepted", st_edited: "edited", st_rejected: "rejected", st_merged: "merged",
    no_evidence: "no words in the article for this field", need_token: "Enter an API token to review.",
    saved: "Saved.", count: (n, more) => `${n}${more ? "+" : ""} events`, reviewed_by: "by",
    stance: { asserted: "asserted", claimed: "claimed by", suspected: "attributed to", denied: "denied by" },
    attributed: (by, stance, actor) => ({
      suspected: `Attributed to ${actor}${by ? ` by ${by}` : ""} (not established)`,
      denied: `Not ${actor}, according to ${by || "the article"}`,
      claimed: `Claimed by ${actor}${by ? ` (reported by ${by})` : ""}`,
    }[stance] || `${actor}${by ? `, according to ${by}` : ""}`),
    perpetrator: { known: "perpetrator known", claimed: "claimed", attributed: "attributed, not established", unknown: "perpetrator unknown" },
  },
  ar: {
    title: "مرصد", lang: "English", token: "مفتاح الواجهة", export_csv: "تصدير CSV", export_geojson: "GeoJSON", export_json: "PLOVER JSON",
    filters: "التصفية", since: "من", until: "إلى", event_type: "نوع الحدث (ACLED)", sub_event_type: "النوع الفرعي",
    plover_type: "نوع PLOVER", actor: "الفاعل", country: "البلد (رمز ISO)", admin1: "المحافظة", q: "نص",
    min_confidence: "أدنى ثقة", review_status: "حالة المراجعة", bbox: "ما يظهر في الخريطة فقط", apply: "تطبيق",
    clear: "مسح", timeline: "عدد الأحداث يومياً (اسحب لتحديد المدة)", events: "الأحداث", date: "التاريخ",
    type: "النوع", place: "المكان", actors: "الفاعلون", status: "الحالة", more: "المزيد", close: "إغلاق",
    fields: "الحقول", field: "الحقل", value_en: "Value", value_ar: "القيمة", machine: "الآلة", attributions: "النسبة",
    sources: "المصادر", article: "المقال", review: "المراجعة", accept: "قبول", reject: "رفض", new_value: "القيمة الجديدة",
    save_edit: "حفظ التعديل", merge_with: "دمج مع الحدث", merge: "دمج", split_doc: "فصل المقال", split: "فصل",
    history: "السجل", revert: "تراجع", skip: "انتقل إلى قائمة الأحداث", st_unreviewed: "غير مراجع", st_accepted: "مقبول",
    st_edited: "معدل", st_rejected: "مرفوض", st_merged: "مدموج", no_evidence: "لا كلمات في المقال لهذا الحقل",
    need_token: "أدخل مفتاح الواجهة للمراجعة.", saved: "تم الحفظ.", count: (n, more) => `${n}${more ? "+" : ""} حدث`,
    reviewed_by: "بواسطة",
    stance: { asserted: "مؤكد", claimed: "تبناه", suspected: "نسب إلى", denied: "نفاه" },
    attributed: (by, stance, actor) => ({
      suspected: `نُسب إلى ${actor}${by ? ` بحسب ${by}` : ""} (غير مؤكد)`,
      denied: `ليس ${actor} بحسب ${by || "المقال"}`,
      claimed: `تبناه ${actor}`,
    }[stance] || `${actor}${by ? ` بحسب ${by}` : ""}`),
    perpetrator: { known: "الفاعل معروف", claimed: "تبنٍّ", attributed: "منسوب، غير مؤكد", unknown: "الفاعل مجهول" },
  },
};

let lang = localStorage.getItem("marsad.lang") || "en";
export const t = (key) => T[lang][key] ?? T.en[key] ?? key;
export const currentLang = () => lang;

export function applyLang(next = lang) {
  lang = next;
  localStorage.setItem("marsad.lang", lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = t(el.dataset.i18n);
    if (typeof v === "string") el.textContent = v;
  }
}
