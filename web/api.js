// Talking to the coopatlas HTTP API (docs/http.md): JSON over GET, errors as
// application/problem+json, every request bounded by a timeout.

const TIMEOUT_MS = 15000;

/** An API error: HTTP status (0 for network errors/timeouts) and detail. */
export class ApiError extends Error {
  constructor(status, detail, path) {
    super(detail);
    this.status = status;
    this.path = path;
  }
  /** True when the route does not exist (yet) on this server. */
  get missingRoute() {
    return this.status === 404 && /no route/i.test(this.message);
  }
}

/** Builds "/api/v1/x?a=1&b=2&b=3"; array values repeat the parameter. */
export function apiUrl(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  const s = qs.toString();
  return `/api/v1/${path}${s ? `?${s}` : ''}`;
}

/**
 * GETs JSON from the API. `signal` (optional) lets the caller abort (e.g. a
 * newer type-ahead request); a timeout aborts in any case.
 */
export async function getJson(path, params = {}, { signal } = {}) {
  const url = apiUrl(path, params);
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = !signal ? timeout
    : AbortSignal.any ? AbortSignal.any([signal, timeout]) : signal;
  let res;
  try {
    res = await fetch(url, { signal: combined, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (signal?.aborted) throw e; // the caller's own abort: let it through
    throw new ApiError(0, e.name === 'TimeoutError' ? 'timeout' : e.message, url);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError(res.status, body?.detail || res.statusText, url);
  return body;
}

// Responses shared by several pages during one visit (labels, stats).
const memo = new Map();

/** getJson, remembered for the life of the page. */
export function getJsonCached(path, params = {}) {
  const key = apiUrl(path, params);
  if (!memo.has(key)) {
    const p = getJson(path, params);
    p.catch(() => memo.delete(key)); // retry next time
    memo.set(key, p);
  }
  return memo.get(key);
}

/** Fetches a static JSON file (map shapes), remembered. */
export function getStaticJson(url) {
  if (!memo.has(url)) {
    const p = fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then((res) => {
      if (!res.ok) throw new ApiError(res.status, `${url}: ${res.statusText}`, url);
      return res.json();
    });
    p.catch(() => memo.delete(url));
    memo.set(url, p);
  }
  return memo.get(url);
}

/** Export file URL: /api/v1/export?format=...&authority=... */
export function exportUrl(format, filters = {}, extra = {}) {
  return apiUrl('export', { format, ...extra, ...filters });
}
