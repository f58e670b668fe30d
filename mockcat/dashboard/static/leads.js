// The leads table: filters, search and paging, refreshed while a client works.

import { get } from "./api.js";
import { agoTime, badge, clear, field, formatTime, formValues, h, number, options, patch } from "./dom.js";

const PAGE = 50;
const FILTERS = ["state", "status", "stage", "q"];
const STATES = ["NEW", "SENT", "UPDATED"];
const STATUSES = ["Accepted", "Rejected", "Disqualified"];
const STAGES = [
  "Qualification",
  "Develop Solution",
  "Proposal/Negotiation",
  "Closed Won",
  "Closed Lost",
  "Closed No Deal",
];

let regions = {};
let filters = {};
let offset = 0;
let searchTimer = null;

export const leadsView = {
  mount(main, params) {
    filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
    offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
    regions = {
      table: h("div", { class: "region table-wrap", id: "leads-table" }),
      pager: h("nav", { class: "region pager", "aria-label": "Pages of leads" }),
      summary: h("p", { class: "region summary", role: "status" }),
    };
    main.append(
      h(
        "section",
        { class: "panel page", "aria-labelledby": "leads-title" },
        h("div", { class: "panel-head" }, h("h1", { id: "leads-title" }, "Leads")),
        filterForm(),
        regions.summary,
        regions.table,
        regions.pager,
      ),
    );
  },

  sameRoute: () => true,

  dealerChanged() {
    offset = 0;
    syncHash();
  },

  async update(ctx) {
    const page = await get("/leads", {
      ...filters,
      dealer: ctx.dealer,
      offset,
      limit: PAGE,
    });
    const rows = page.data;
    patch(regions.summary, [page.count, offset, rows.length], () => summary(page));
    patch(regions.table, [rows, ctx.dealer], () => table(rows, ctx));
    patch(regions.pager, [page.count, offset], () => pager(page.count));
  },
};

function filterForm() {
  const q = h("input", {
    type: "search",
    name: "q",
    value: filters.q,
    placeholder: "leadId, name, company…",
    autocomplete: "off",
  });
  const selects = [
    ["state", "State", "Any state", STATES],
    ["status", "Dealer status", "Any status", [...STATUSES, "none"]],
    ["stage", "Stage", "Any stage", STAGES],
  ].map(([name, label, any, values]) => {
    const pairs = [["", any], ...values.map((v) => [v, v === "none" ? "No verdict yet" : v])];
    const select = h("select", { name }, options(pairs, filters[name]));
    select.addEventListener("change", () => applyFilters(formValues(form)));
    return field(label, select);
  });
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter leads" },
    field("Search", q),
    selects,
    h(
      "div",
      { class: "form-actions" },
      h("button", { type: "submit", class: "primary" }, "Search"),
      h("button", { type: "reset" }, "Clear"),
    ),
  );
  q.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => applyFilters(formValues(form)), 350);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    applyFilters(formValues(form));
  });
  form.addEventListener("reset", () => setTimeout(() => applyFilters({}), 0));
  return form;
}

function applyFilters(values) {
  filters = Object.fromEntries(FILTERS.map((k) => [k, values[k] || ""]));
  offset = 0;
  syncHash();
}

function syncHash() {
  const entries = Object.entries(filters).filter(([, v]) => v);
  if (offset) entries.push(["offset", String(offset)]);
  const query = new URLSearchParams(entries);
  history.replaceState(null, "", `#/leads${entries.length ? `?${query}` : ""}`);
  // The pager keeps its content so a keyboard user's focus stays on it.
  clear(regions.table);
  clear(regions.summary);
  window.dispatchEvent(new CustomEvent("mockcat:refresh"));
}

function summary(page) {
  if (!page.count) return "No leads match.";
  const last = offset + page.data.length;
  return `Leads ${number(offset + 1)}–${number(last)} of ${number(page.count)}`;
}

function table(rows, ctx) {
  if (!rows.length) return h("p", { class: "empty" }, "Nothing to show. Seed some leads, or change the filters.");
  const head = ["Lead", "Name", "Company", "Country", "Business unit", "State", "Dealer status", "Stage", "Created", "Last update"];
  return h(
    "table",
    { class: "leads" },
    h("caption", { class: "visually-hidden" }, "Leads"),
    h("thead", {}, h("tr", {}, head.map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, rows.map((lead) => row(lead, ctx))),
  );
}

function row(lead, ctx) {
  const href = `#/lead/${encodeURIComponent(lead.leadId)}`;
  return h(
    "tr",
    { dataset: { leadId: lead.leadId } },
    h(
      "th",
      { scope: "row" },
      h("a", { href, class: "lead-link", "data-focus-id": `lead-${lead.leadId}` }, lead.leadId),
      ctx.dealer ? null : h("span", { class: "dealer-tag" }, lead.dealer),
    ),
    h("td", {}, lead.name || "—"),
    h("td", {}, lead.company || "—"),
    h("td", {}, lead.countryCode || "—"),
    h("td", {}, lead.businessUnit || "—"),
    h("td", { class: "cell-state" }, badge(lead.leadState, "state")),
    h("td", { class: "cell-status" }, badge(lead.dealerStatus, "status")),
    h("td", { class: "cell-stage" }, badge(lead.stage, "stage")),
    h("td", { class: "nowrap" }, h("time", { datetime: lead.dateCreated }, formatTime(lead.dateCreated).slice(0, 10))),
    h(
      "td",
      { class: "nowrap" },
      lead.updatedAt
        ? agoTime(lead.updatedAt, ctx.nowMs)
        : "—",
    ),
  );
}

function pager(count) {
  if (count <= PAGE) return [];
  const go = (to) => () => {
    offset = Math.max(0, to);
    syncHash();
  };
  const lastOffset = Math.floor((count - 1) / PAGE) * PAGE;
  return [
    h("button", { type: "button", disabled: offset === 0, "data-focus-id": "page-first", onclick: go(0) }, "« First"),
    h("button", { type: "button", disabled: offset === 0, "data-focus-id": "page-prev", onclick: go(offset - PAGE) }, "‹ Previous"),
    h("span", { class: "pager-pos" }, `Page ${offset / PAGE + 1} of ${lastOffset / PAGE + 1}`),
    h("button", { type: "button", disabled: offset >= lastOffset, "data-focus-id": "page-next", onclick: go(offset + PAGE) }, "Next ›"),
    h("button", { type: "button", disabled: offset >= lastOffset, "data-focus-id": "page-last", onclick: go(lastOffset) }, "Last »"),
  ];
}
