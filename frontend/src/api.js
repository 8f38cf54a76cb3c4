// The REST API, same origin. Writes carry the token as a bearer header.
export function token() {
  return document.getElementById("token").value.trim();
}

async function ask(path, options = {}) {
  const r = await fetch(path, { credentials: "same-origin", ...options });
  const body = r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text();
  if (!r.ok) throw new Error(body?.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : `HTTP ${r.status}`);
  return body;
}

export const get = (path, params) => ask(params ? `${path}?${params}` : path);

export function post(path, data) {
  return ask(path, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token()}` },
    body: JSON.stringify(data),
  });
}
