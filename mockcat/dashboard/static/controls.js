// The simulator's controls: seed, Caterpillar update, faults, clock, reset.

import { del, get, post } from "./api.js";
import { field, formatDuration, formValues, h, options, patch } from "./dom.js";

const LEADS = "/marketing/ecrm/leadManagement/v2/leads";
const ENDPOINTS = [
  ["POST /as/token.oauth2", "Token (POST /as/token.oauth2)"],
  [`GET ${LEADS}`, "Pull leads (GET …/leads)"],
  [`GET ${LEADS}/historic`, "Historic (GET …/leads/historic)"],
  [`POST ${LEADS}`, "Dealer updates (POST …/leads)"],
];
const CLOCK_STEPS = [
  [3600, "+1 hour"],
  [86400, "+1 day"],
  [7 * 86400, "+1 week"],
];

let ctxRef = null;
let faultsRegion = null;
let dealersList = null;

export const controls = {
  mount(side, ctx) {
    ctxRef = ctx;
    faultsRegion = h("div", { class: "region", id: "faults" });
    dealersList = h("datalist", { id: "dealer-codes" });
    side.append(
      h("h2", { class: "side-title" }, "Controls"),
      dealersList,
      seedPanel(),
      catPanel(),
      faultPanel(),
      clockPanel(),
      resetPanel(),
    );
  },

  async update(ctx) {
    ctxRef = ctx;
    const dealers = ctx.stats?.dealers || [];
    patch(dealersList, dealers, () => dealers.map((d) => h("option", { value: d })));
    const seedDealer = document.getElementById("seed-dealer");
    if (seedDealer && !seedDealer.value) seedDealer.value = ctx.dealer || dealers[0] || "";
    const offset = document.getElementById("clock-offset-text");
    if (offset && ctx.clock) {
      const seconds = Number(ctx.clock.offsetSeconds || 0);
      offset.textContent = seconds ? `${formatDuration(seconds)} ahead of real time` : "On real time";
    }
    const faults = await get("/faults");
    const list = faults.data || [];
    patch(faultsRegion, list, () => faultList(list));
  },

  unmount() {
    ctxRef = null;
  },
};

function controlPanel(id, title, ...content) {
  return h(
    "section",
    { class: "panel control", id: `control-${id}`, "aria-labelledby": `control-${id}-title` },
    h("h3", { id: `control-${id}-title` }, title),
    ...content,
  );
}

// Runs an action, reports its outcome in the status line, and refreshes.
function action(form, run) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const message = await run(formValues(form));
      ctxRef?.notify(message);
      ctxRef?.refresh();
    } catch (error) {
      ctxRef?.notify(error.message, "error");
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function seedPanel() {
  const form = h(
    "form",
    { class: "grid-form" },
    field("Dealer", h("input", { id: "seed-dealer", name: "dealer", list: "dealer-codes", required: true, maxlength: 255, autocomplete: "off" })),
    field("Leads", h("input", { id: "seed-count", name: "count", type: "number", min: 1, max: 100000, value: 10, required: true })),
    field("Seed", h("input", { id: "seed-seed", name: "seed", type: "number", placeholder: "random" }), "Same seed, same leads"),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary" }, "Seed leads")),
  );
  return controlPanel(
    "seed",
    "Seed leads",
    action(form, async (v) => {
      const body = { dealer: v.dealer, count: Number(v.count) };
      if (v.seed !== "") body.seed = Number(v.seed);
      const result = await post("/seed", body);
      return `Seeded ${result.count} new lead${result.count === 1 ? "" : "s"} for ${result.dealer}.`;
    }),
  );
}

function catPanel() {
  const form = h(
    "form",
    { class: "grid-form" },
    field("Lead id", h("input", { id: "cat-lead", name: "leadId", required: true, autocomplete: "off", placeholder: "00Q…" })),
    field(
      "Prequalified",
      h("select", { id: "cat-value", name: "value" }, options([["true", "Yes"], ["false", "No"]], "true")),
    ),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary" }, "Update lead")),
  );
  return controlPanel(
    "cat",
    "Caterpillar update",
    h("p", { class: "hint" }, "Changes catPrequalificationStatus; a delivered lead becomes UPDATED."),
    action(form, async (v) => {
      const path = `/leads/${encodeURIComponent(v.leadId)}/caterpillar-update`;
      await post(path, { catPrequalificationStatus: v.value === "true" });
      return `Caterpillar updated ${v.leadId}.`;
    }),
  );
}

function faultPanel() {
  const kind = h(
    "select",
    { id: "fault-kind", name: "kind" },
    options(
      [
        ["status", "Answer with an error status"],
        ["delay", "Only slow down"],
        ["drop", "Drop the connection"],
      ],
      "status",
    ),
  );
  const status = h("input", { id: "fault-status", name: "status", type: "number", min: 100, max: 599, value: 503, required: true });
  kind.addEventListener("change", () => {
    status.disabled = kind.value !== "status";
  });
  const form = h(
    "form",
    { class: "grid-form" },
    field("Endpoint", h("select", { id: "fault-endpoint", name: "endpoint" }, options(ENDPOINTS, ENDPOINTS[1][0])), null, true),
    field("What happens", kind, null, true),
    field("Status", status),
    field("Times", h("input", { id: "fault-times", name: "times", type: "number", min: 1, max: 1000, value: 1, required: true })),
    field("Delay (ms)", h("input", { id: "fault-delay", name: "delayMs", type: "number", min: 0, max: 600000, placeholder: "none" }), "Wait before answering"),
    field("Message", h("input", { id: "fault-message", name: "message", placeholder: "default message", maxlength: 500 }), "Sent as {\"message\": …}"),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary" }, "Add fault")),
  );
  const clearButton = h("button", { type: "button", class: "danger-quiet" }, "Clear all faults");
  clearButton.addEventListener("click", () => run(() => del("/faults"), "All faults cleared."));
  return controlPanel(
    "fault",
    "Faults",
    action(form, async (v) => {
      const [method, path] = v.endpoint.split(" ");
      const body = { method, path, times: Number(v.times) };
      if (v.delayMs) body.delayMs = Number(v.delayMs);
      if (v.kind === "status") body.status = Number(v.status);
      if (v.kind === "drop") body.drop = true;
      if (v.message && v.kind === "status") body.body = { message: v.message };
      await post("/faults", body);
      return `Fault added: the next ${plural(body.times, "request")} to ${method} ${shortPath(path)} ${faultEffect(body)}.`;
    }),
    h("h4", {}, "Active faults"),
    faultsRegion,
    h("div", { class: "form-actions" }, clearButton),
  );
}

function plural(n, word) {
  return n === 1 ? `${word}` : `${n} ${word}s`;
}

function faultEffect(f) {
  if (f.drop) return "lose their connection";
  const delay = f.delayMs ? `wait ${f.delayMs} ms` : "";
  if (f.status === null || f.status === undefined) return delay;
  return `${delay ? `${delay}, then ` : ""}answer ${f.status}`;
}

async function run(call, message) {
  try {
    await call();
    ctxRef?.notify(message);
    ctxRef?.refresh();
  } catch (error) {
    ctxRef?.notify(error.message, "error");
  }
}

function shortPath(path) {
  return path.replace("/marketing/ecrm/leadManagement/v2", "…");
}

function faultList(list) {
  if (!list.length) return h("p", { class: "empty", id: "no-faults" }, "None. Every request is answered normally.");
  return h(
    "ul",
    { class: "fault-list" },
    list.map((f) => {
      const remove = h(
        "button",
        { type: "button", class: "small", "aria-label": `Remove fault ${f.id}`, "data-focus-id": `fault-${f.id}` },
        "Remove",
      );
      remove.addEventListener("click", () => run(() => del(`/faults/${f.id}`), "Fault removed."));
      return h(
        "li",
        { class: "fault", dataset: { faultId: String(f.id) } },
        h("span", { class: "fault-what" }, h("strong", {}, `${f.method === "*" ? "Any" : f.method} ${shortPath(f.path)}`), ` ${faultEffect(f)}`),
        h("span", { class: "fault-left" }, faultLeft(f)),
        remove,
      );
    }),
  );
}

function faultLeft(f) {
  const fired = f.hits ? ` · fired ${f.hits}×` : "";
  const left = f.remaining ?? f.times;
  return (left === null || left === undefined ? "every time" : `${left} left`) + fired;
}

function clockPanel() {
  const buttons = CLOCK_STEPS.map(([seconds, label]) => {
    const button = h("button", { type: "button" }, label);
    button.addEventListener("click", () => advance(seconds));
    return button;
  });
  const form = h(
    "form",
    { class: "inline-form" },
    field("Seconds", h("input", { id: "clock-seconds", name: "seconds", type: "number", min: 1, max: 315360000, required: true })),
    h("button", { type: "submit", class: "primary" }, "Advance"),
  );
  return controlPanel(
    "clock",
    "Clock",
    h("p", { id: "clock-offset-text", class: "clock-state", role: "status" }, "–"),
    h("div", { class: "button-row" }, buttons),
    action(form, (v) => advanceBy(Number(v.seconds))),
  );
}

async function advanceBy(seconds) {
  const clock = await post("/clock/advance", { seconds });
  return `Clock advanced ${formatDuration(seconds)}; it is now ${new Date(clock.now).toLocaleString()}.`;
}

async function advance(seconds) {
  try {
    ctxRef?.notify(await advanceBy(seconds));
    ctxRef?.refresh();
  } catch (error) {
    ctxRef?.notify(error.message, "error");
  }
}

function resetPanel() {
  const start = h("button", { type: "button", class: "danger" }, "Reset simulator…");
  const confirm = h("button", { type: "button", class: "danger" }, "Yes, delete everything");
  const cancel = h("button", { type: "button" }, "Cancel");
  const ask = h(
    "div",
    { class: "confirm", hidden: true, role: "group", "aria-label": "Confirm reset" },
    h("p", {}, "This deletes every lead, update, fault and journal entry, and puts the clock back."),
    h("div", { class: "button-row" }, confirm, cancel),
  );
  start.addEventListener("click", () => {
    ask.hidden = false;
    start.hidden = true;
    cancel.focus();
  });
  cancel.addEventListener("click", () => {
    ask.hidden = true;
    start.hidden = false;
    start.focus();
  });
  confirm.addEventListener("click", async () => {
    try {
      await post("/reset", { reseed: null });
      ctxRef?.notify("The simulator was reset.");
      ctxRef?.refresh();
    } catch (error) {
      ctxRef?.notify(error.message, "error");
    }
    ask.hidden = true;
    start.hidden = false;
    start.focus();
  });
  return controlPanel("reset", "Reset", start, ask);
}
