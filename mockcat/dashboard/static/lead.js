// One lead: its fields, and its life from creation to the latest update.

import { ApiError, get, post } from "./api.js";
import { agoTime, badge, formatTime, h, patch } from "./dom.js";
import { errorList } from "./requests.js";

// The fields a person looks at first; the rest are listed below them.
const KEY_FIELDS = [
  "name",
  "company",
  "emailAddress",
  "businessPhone",
  "country",
  "businessUnit",
  "productOfInterestList",
  "systemModel",
  "levelOfInterest",
  "purchaseTimeframe",
  "catPrequalificationStatus",
  "dateCreated",
];

const KIND_LABELS = {
  created: "Created",
  delivered: "Delivered",
  caterpillar_update: "Caterpillar update",
  dealer_update: "Dealer update",
  dealer_update_rejected: "Update refused",
};

let regions = {};
let leadId = "";
let showEmpty = false;
let lastLead = null;

export const leadView = {
  mount(main, params, ctx) {
    leadId = params.get("id");
    lastLead = null;
    regions = {
      head: h("div", { class: "region lead-head" }),
      actions: h("div", { class: "region lead-actions" }),
      timeline: h("div", { class: "region", id: "timeline" }),
      fields: h("div", { class: "region", id: "fields" }),
    };
    const toggle = h("input", { type: "checkbox", id: "show-empty" });
    toggle.addEventListener("change", () => {
      showEmpty = toggle.checked;
      if (lastLead) renderFields(lastLead);
    });
    toggle.checked = showEmpty;
    main.append(
      h("p", { class: "crumbs" }, h("a", { href: "#/leads" }, "← All leads")),
      regions.head,
      h(
        "div",
        { class: "lead-layout" },
        h(
          "section",
          { class: "panel", "aria-labelledby": "timeline-title" },
          h("div", { class: "panel-head" }, h("h2", { id: "timeline-title" }, "Timeline")),
          regions.timeline,
        ),
        h(
          "div",
          { class: "lead-side" },
          h(
            "section",
            { class: "panel", "aria-labelledby": "cat-title" },
            h("div", { class: "panel-head" }, h("h2", { id: "cat-title" }, "Caterpillar side")),
            regions.actions,
          ),
          h(
            "section",
            { class: "panel", "aria-labelledby": "fields-title" },
            h(
              "div",
              { class: "panel-head" },
              h("h2", { id: "fields-title" }, "Fields"),
              h("label", { class: "inline-check" }, toggle, " Show empty fields"),
            ),
            regions.fields,
          ),
        ),
      ),
    );
    renderActions(ctx);
  },

  async update(ctx) {
    let lead;
    let timeline;
    try {
      [lead, timeline] = await Promise.all([
        get(`/leads/${encodeURIComponent(leadId)}`),
        get(`/leads/${encodeURIComponent(leadId)}/timeline`),
      ]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound();
      throw error;
    }
    lastLead = lead;
    patch(regions.head, lead, () => head(lead));
    patch(regions.timeline, timeline.events, () =>
      events(timeline.events, ctx.nowMs),
    );
    renderFields(lead);
    showPrequalification(lead);
  },
};

function notFound() {
  patch(regions.head, "missing", () => [
    h("h1", {}, "Lead not found"),
    h("p", { class: "empty" }, `No lead has the id ${leadId}. A reset removes every lead.`),
  ]);
  for (const name of ["timeline", "fields", "actions"]) regions[name].replaceChildren();
}

function head(lead) {
  const f = lead.fields || {};
  const who = [f.name, f.company].filter(Boolean).join(" · ");
  return [
    h("h1", {}, h("span", { class: "lead-id" }, lead.leadId)),
    who ? h("p", { class: "lead-who" }, who) : null,
    h(
      "dl",
      { class: "lead-badges" },
      h("div", {}, h("dt", {}, "Dealer"), h("dd", {}, h("strong", {}, lead.dealer))),
      h("div", {}, h("dt", {}, "State"), h("dd", { id: "lead-state" }, badge(lead.leadState, "state"))),
      h("div", {}, h("dt", {}, "Dealer status"), h("dd", { id: "lead-status" }, badge(lead.dealerStatus, "status"))),
      h("div", {}, h("dt", {}, "Stage"), h("dd", { id: "lead-stage" }, badge(lead.stage, "stage"))),
      h("div", {}, h("dt", {}, "Delivered"), h("dd", {}, lead.delivered ? "Yes" : "Not yet")),
    ),
  ];
}

// Caterpillar changes one field today; the button sends its opposite value.
function renderActions(ctx) {
  const now = h("strong", { id: "cat-prequal-now" }, "–");
  const button = h("button", { type: "submit", class: "primary", id: "cat-send", disabled: true }, "Send Caterpillar update");
  const form = h(
    "form",
    { class: "stack", "aria-label": "Caterpillar update of this lead" },
    h("p", { class: "cat-now" }, h("code", {}, "catPrequalificationStatus"), " is ", now),
    h("div", { class: "form-actions" }, button),
    h("p", { class: "hint" }, "A delivered lead becomes UPDATED, and the dealer's next pull takes it again."),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = button.dataset.value === "true";
    try {
      await post(`/leads/${encodeURIComponent(leadId)}/caterpillar-update`, {
        catPrequalificationStatus: value,
      });
      ctx.notify(`Caterpillar set catPrequalificationStatus of ${leadId} to ${value}.`);
      ctx.refresh();
    } catch (error) {
      ctx.notify(error.message, "error");
    }
  });
  regions.actions.replaceChildren(form);
}

function showPrequalification(lead) {
  const current = Boolean(lead.fields?.catPrequalificationStatus);
  const now = document.getElementById("cat-prequal-now");
  const button = document.getElementById("cat-send");
  if (!now || !button) return;
  now.textContent = String(current);
  button.dataset.value = String(!current);
  button.textContent = `Send Caterpillar update: set it to ${!current}`;
  button.disabled = false;
}

function renderFields(lead) {
  const fields = lead.fields || {};
  patch(regions.fields, [fields, showEmpty], () => {
    const keys = [
      ...KEY_FIELDS.filter((k) => k in fields),
      ...Object.keys(fields).filter((k) => !KEY_FIELDS.includes(k)),
    ].filter((k) => showEmpty || !isEmpty(fields[k]));
    return h(
      "dl",
      { class: "fields" },
      keys.map((k) =>
        h("div", { class: KEY_FIELDS.includes(k) ? "key-field" : "" }, h("dt", {}, k), h("dd", {}, show(fields[k]))),
      ),
    );
  });
}

const isEmpty = (v) => v === null || v === undefined || v === "";

function show(value) {
  if (isEmpty(value)) return h("span", { class: "null" }, "null");
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function events(list, nowMs) {
  if (!list.length) return h("p", { class: "empty" }, "Nothing has happened to this lead yet.");
  // Newest first: during a demo the latest step is the one people look for.
  const ordered = [...list].reverse();
  return h("ol", { class: "timeline", reversed: true }, ordered.map((e) => event(e, nowMs)));
}

function event(e, nowMs) {
  const details = e.details || {};
  return h(
    "li",
    { class: `event event-${e.kind}`, dataset: { kind: e.kind } },
    h("span", { class: "event-dot", "aria-hidden": "true" }),
    h(
      "div",
      { class: "event-body" },
      h(
        "p",
        { class: "event-title" },
        h("strong", {}, KIND_LABELS[e.kind] || e.kind),
        details.stage ? badge(details.stage, "stage") : null,
        !details.stage && details.leadStatus ? badge(details.leadStatus, "status") : null,
      ),
      e.summary ? h("p", { class: "event-summary" }, e.summary) : null,
      Array.isArray(details.errors) && details.errors.length ? errorList(details.errors, details.errors.length) : null,
      warnings(details.warnings),
      h(
        "p",
        { class: "event-meta" },
        h("span", {}, `${formatTime(e.at)} · `),
        agoTime(e.at, nowMs),
        e.clientId ? ` · client ${e.clientId}` : "",
        e.requestId ? ` · request ${e.requestId}` : "",
      ),
      values(details.values),
    ),
  );
}

function warnings(list) {
  if (!Array.isArray(list) || !list.length) return null;
  return h("ul", { class: "warnings", "aria-label": "Warnings" }, list.map((w) => h("li", {}, String(w))));
}

function values(data) {
  if (!data || typeof data !== "object" || !Object.keys(data).length) return null;
  return h(
    "details",
    { class: "event-values" },
    h("summary", {}, "Fields sent"),
    h(
      "dl",
      { class: "fields compact" },
      Object.entries(data).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, show(v)))),
    ),
  );
}
