// The journal: the requests the simulator answered, newest first, with the
// validation errors of the dealer updates it refused.

import { get } from "./api.js";
import { agoTime, clear, field, formValues, h, options, patch } from "./dom.js";

const LIMIT = 100;
const FILTERS = ["method", "status", "client", "path"];

let regions = {};
let filters = {};

export const requestsView = {
  mount(main, params) {
    regions = { list: h("div", { class: "region", id: "journal" }) };
    filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
    main.append(
      h(
        "section",
        { class: "panel page", "aria-labelledby": "requests-title" },
        h("div", { class: "panel-head" }, h("h1", { id: "requests-title" }, "Requests")),
        h(
          "p",
          { class: "lede" },
          "What clients asked the simulator, newest first. A refused dealer update lists every problem the simulator found.",
        ),
        filterForm(),
        h("div", { class: "region", id: "journal-count", role: "status" }),
        regions.list,
      ),
    );
    regions.count = main.querySelector("#journal-count");
  },

  sameRoute: () => true,

  async update(ctx) {
    const query = { ...filters, limit: LIMIT };
    const journal = await get("/journal", query);
    patch(regions.count, [journal.count, journal.data.length], () =>
      countText(journal),
    );
    patch(regions.list, journal.data, () =>
      journalList(journal.data, ctx.nowMs, { compact: false }),
    );
  },
};

function countText(journal) {
  const shown = journal.data.length;
  const total = journal.count ?? shown;
  return shown < total
    ? `Showing the latest ${shown} of ${total} requests.`
    : `${total} request${total === 1 ? "" : "s"}.`;
}

function filterForm() {
  const method = h(
    "select",
    { name: "method" },
    options(
      [
        ["", "Any method"],
        ["GET", "GET"],
        ["POST", "POST"],
      ],
      filters.method,
    ),
  );
  const status = h(
    "select",
    { name: "status" },
    options(
      [
        ["", "Any status"],
        ["2xx", "2xx success"],
        ["4xx", "4xx refused"],
        ["5xx", "5xx failed"],
        ["400", "400"],
        ["401", "401"],
        ["403", "403"],
        ["404", "404"],
        ["503", "503"],
        ["0", "Dropped connection"],
      ],
      filters.status,
    ),
  );
  const client = h("input", { name: "client", value: filters.client, placeholder: "client id" });
  const path = h("input", { name: "path", value: filters.path, placeholder: "/marketing/…" });
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter requests" },
    field("Method", method),
    field("Status", status),
    field("Client", client),
    field("Path", path),
    h(
      "div",
      { class: "form-actions" },
      h("button", { type: "submit", class: "primary" }, "Filter"),
      h("button", { type: "reset" }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    applyFilters(formValues(form));
  });
  form.addEventListener("reset", () => setTimeout(() => applyFilters({}), 0));
  for (const select of [method, status]) {
    select.addEventListener("change", () => applyFilters(formValues(form)));
  }
  return form;
}

function applyFilters(values) {
  filters = Object.fromEntries(FILTERS.map((k) => [k, values[k] || ""]));
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  history.replaceState(null, "", `#/requests${query.size ? `?${query}` : ""}`);
  clear(regions.list);
  clear(regions.count);
  window.dispatchEvent(new CustomEvent("mockcat:refresh"));
}

function statusClass(status) {
  if (status >= 500 || status === 0) return "s5";
  if (status >= 400) return "s4";
  if (status >= 300) return "s3";
  return "s2";
}

export function journalList(entries, nowMs, { compact }) {
  if (!entries.length) {
    return h("p", { class: "empty" }, "No requests yet. Point a client at the simulator.");
  }
  return h(
    "ol",
    { class: `journal${compact ? " journal-compact" : ""}` },
    entries.map((entry) => journalEntry(entry, nowMs, compact)),
  );
}

function journalEntry(entry, nowMs, compact) {
  const errors = Array.isArray(entry.errors) ? entry.errors : [];
  const query = entry.query ? `?${entry.query}` : "";
  const line = h(
    "div",
    { class: "journal-line" },
    h("span", { class: `method method-${entry.method}` }, entry.method),
    h("span", { class: "journal-path" }, entry.path, h("span", { class: "query" }, query)),
    h(
      "span",
      { class: `status ${statusClass(entry.status)}`, title: entry.status ? null : "Connection dropped by a fault" },
      entry.status ? String(entry.status) : "drop",
    ),
    h("span", { class: "journal-client" }, entry.clientId || "—"),
    compact
      ? null
      : h("span", { class: "journal-ms" }, `${Math.round(entry.durationMs ?? 0)} ms`),
    h("span", { class: "journal-time" }, agoTime(entry.at, nowMs)),
  );
  const item = h(
    "li",
    { class: `journal-entry ${statusClass(entry.status)}`, dataset: { requestId: entry.requestId || "" } },
    line,
  );
  if (errors.length) {
    item.append(errorList(errors, compact ? 3 : errors.length, { withLead: true }));
  }
  else if (entry.status >= 400 && entry.message) {
    item.append(h("p", { class: "journal-message" }, entry.message));
  }
  if (!compact) {
    item.append(h("p", { class: "journal-id" }, `request ${entry.requestId || "—"}`));
  }
  return item;
}

// The problems of a refused batch, as the dealer's client received them.
export function errorList(errors, max, { withLead = false } = {}) {
  const shown = errors.slice(0, max);
  const rest = errors.length - shown.length;
  return h(
    "ul",
    { class: "errors", "aria-label": "Validation errors" },
    shown.map((e) =>
      h(
        "li",
        {},
        e.index !== undefined && e.index !== null
          ? h("span", { class: "err-index" }, `#${e.index}`)
          : null,
        withLead && e.leadId
          ? h("a", { class: "err-lead", href: `#/lead/${encodeURIComponent(e.leadId)}` }, e.leadId)
          : null,
        e.field ? h("code", { class: "err-field" }, e.field) : null,
        h("span", { class: "err-message" }, e.message || JSON.stringify(e)),
      ),
    ),
    rest > 0 ? h("li", { class: "err-more" }, `and ${rest} more…`) : null,
  );
}
