// Small DOM helpers. Every piece of data goes in as text, never as HTML, so a
// lead's fields can't inject markup.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

// Replaces a region's content only when what it shows has changed, so a poll
// that brings nothing new keeps keyboard focus and text selection in place.
export function patch(region, key, build) {
  if (!region) return;
  const text = JSON.stringify(key);
  if (region.dataset.key === text) return;
  const hadFocus = region.contains(document.activeElement);
  const focusId = hadFocus ? document.activeElement.dataset.focusId : null;
  region.replaceChildren(...[build()].flat());
  region.dataset.key = text;
  if (focusId) {
    const again = region.querySelector(`[data-focus-id="${CSS.escape(focusId)}"]`);
    if (again) again.focus();
  }
}

export function clear(el) {
  el.replaceChildren();
  delete el.dataset.key;
}

const pad = (n) => String(n).padStart(2, "0");

export function formatTime(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

export function formatClock(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  return `${formatTime(iso).slice(0, 10)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// "12 s ago" against the simulator's clock, which may run ahead of the wall.
export function ago(iso, nowMs) {
  if (!iso || !nowMs) return "";
  const seconds = Math.round((nowMs - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return "";
  if (seconds < 0) return "in the future";
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

export function formatDuration(seconds) {
  const sign = seconds < 0 ? "−" : "+";
  let rest = Math.abs(Math.round(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const parts = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || !parts.length) parts.push(`${minutes}m`);
  return sign + parts.join(" ");
}

export function slug(text) {
  return String(text || "none").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function badge(text, kind) {
  if (!text) return h("span", { class: "badge badge-empty" }, "—");
  return h("span", { class: `badge badge-${kind}-${slug(text)}` }, text);
}

export function number(n) {
  return new Intl.NumberFormat().format(n || 0);
}

// Reads a form's named fields as a plain object of trimmed strings.
export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) {
    values[key] = typeof value === "string" ? value.trim() : value;
  }
  return values;
}

export function field(label, control, hint, wide = false) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h(
    "div",
    { class: wide ? "field wide" : "field" },
    h("label", { for: id }, label),
    control,
    hint ? h("small", { class: "hint" }, hint) : null,
  );
}

export function options(values, selected) {
  return values.map(([value, label]) =>
    h("option", { value, selected: value === selected }, label),
  );
}

// A "12 s ago" label that refreshAgo keeps current, so regions need not be
// rebuilt (closing open <details>) just because time passed.
export function agoTime(iso, nowMs, prefix = "") {
  return h(
    "time",
    { datetime: iso, title: formatTime(iso), dataset: { ago: iso, prefix } },
    prefix + (ago(iso, nowMs) || formatTime(iso)),
  );
}

export function refreshAgo(nowMs) {
  for (const el of document.querySelectorAll("time[data-ago]")) {
    const text = el.dataset.prefix + (ago(el.dataset.ago, nowMs) || formatTime(el.dataset.ago));
    if (el.textContent !== text) el.textContent = text;
  }
}
