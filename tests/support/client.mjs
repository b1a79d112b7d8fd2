// A small HTTP client that keeps cookies like a browser and finds the CSRF token of
// the page it last read, so tests can sign in and send forms as a person would.
export class Visitor {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = '';
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  remember(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (attrs.some((a) => a.trim() === 'Max-Age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method, path, { body, headers = {}, type } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    if (type) h['content-type'] = type;
    const response = await fetch(this.base + path, { method, body, headers: h, redirect: 'manual' });
    this.remember(response);
    const text = await response.text();
    const m = text.match(/name="csrf_token" value="([0-9a-f]{64})"/);
    if (m) this.csrf = m[1];
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  }

  get(path, headers) { return this.request('GET', path, { headers }); }

  // Sends a form as a browser does, with the CSRF token of the last page unless given.
  post(path, fields, { csrf = this.csrf, headers } = {}) {
    const form = new URLSearchParams(fields);
    if (csrf !== null) form.set('csrf_token', csrf);
    return this.request('POST', path, { body: form.toString(), type: 'application/x-www-form-urlencoded', headers });
  }

  async signIn(email, password) {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}

// JSON API calls with a bearer token.
export async function api(base, method, path, { token, body, headers = {} } = {}) {
  const h = { accept: 'application/json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined && typeof body !== 'string') {
    h['content-type'] = 'application/json';
    body = JSON.stringify(body);
  }
  const response = await fetch(base + path, { method, body, headers: h, redirect: 'manual' });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, headers: response.headers, text, json };
}
