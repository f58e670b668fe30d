// The control plane's JSON endpoints, with the admin token when one is set.

const PREFIX = "/_mockcat";
const TOKEN_KEY = "mockcat.adminToken";

export class AuthRequired extends Error {
  constructor() {
    super("The admin token is missing or was refused.");
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    super(messageOf(status, body));
    this.status = status;
    this.body = body;
  }
}

function messageOf(status, body) {
  if (body && typeof body.message === "string") return body.message;
  return `The simulator answered ${status}.`;
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export function adminRequired() {
  const meta = document.querySelector('meta[name="mockcat-admin"]');
  return meta !== null && meta.content === "required";
}

export async function call(method, path, { query, body } = {}) {
  const url = new URL(PREFIX + path, location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== "" && value !== null && value !== undefined) {
      url.searchParams.set(key, value);
    }
  }
  const headers = { Accept: "application/json" };
  const saved = token.get();
  if (saved) headers.Authorization = `Bearer ${saved}`;
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 401) throw new AuthRequired();
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { message: text.slice(0, 200) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path, query) => call("GET", path, { query });
export const post = (path, body) => call("POST", path, { body: body ?? {} });
export const del = (path) => call("DELETE", path);
