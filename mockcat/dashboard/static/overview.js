// The overview: lead states, dealer verdicts, the opportunity funnel, the
// latest requests and the controls, for one dealer or all of them.

import { get } from "./api.js";
import { controls } from "./controls.js";
import { h, number, patch } from "./dom.js";
import { journalList } from "./requests.js";

const STATES = [
  ["NEW", "Created by Caterpillar, not yet pulled"],
  ["SENT", "Delivered to the dealer's client"],
  ["UPDATED", "Changed by Caterpillar after delivery"],
];
const VERDICTS = [
  ["Accepted", "Accepted"],
  ["Rejected", "Rejected"],
  ["Disqualified", "Disqualified"],
  ["none", "No verdict yet"],
];
const OPEN_STAGES = ["Qualification", "Develop Solution", "Proposal/Negotiation"];
const CLOSED_STAGES = [
  ["Closed Won", "won"],
  ["Closed Lost", "lost"],
  ["Closed No Deal", "nodeal"],
];
const RECENT = 8;

let regions = {};

function leadsLink(filter, value) {
  return `#/leads?${new URLSearchParams({ [filter]: value })}`;
}

function panel(title, id, extra) {
  const heading = h("h2", { id: `${id}-title` }, title);
  const region = h("div", { class: "region", id });
  regions[id] = region;
  return h(
    "section",
    { class: `panel panel-${id}`, "aria-labelledby": `${id}-title` },
    h("div", { class: "panel-head" }, heading, extra || null),
    region,
  );
}

export const overviewView = {
  mount(main, _params, ctx) {
    regions = {};
    const side = h("aside", { class: "side-col", "aria-label": "Controls" });
    main.append(
      h(
        "div",
        { class: "overview" },
        h(
          "div",
          { class: "main-col" },
          h("h1", { class: "visually-hidden" }, "Overview"),
          panel("Lead states", "states"),
          panel("Dealer verdicts", "verdicts"),
          panel("Opportunity funnel", "funnel"),
          panel(
            "Recent requests",
            "recent",
            h("a", { href: "#/requests", class: "more" }, "All requests →"),
          ),
        ),
        side,
      ),
    );
    controls.mount(side, ctx);
  },

  async update(ctx) {
    const journal = await get("/journal", { limit: RECENT });
    renderStats(ctx.stats);
    patch(regions.recent, journal.data, () =>
      journalList(journal.data, ctx.nowMs, { compact: true }),
    );
    await controls.update(ctx);
  },

  unmount() {
    controls.unmount();
  },
};

function renderStats(stats) {
  const byState = stats.byState || {};
  const byStatus = stats.byDealerStatus || {};
  const byStage = stats.byStage || {};
  patch(regions.states, byState, () => stateCards(byState));
  patch(regions.verdicts, byStatus, () => verdictBar(byStatus));
  patch(regions.funnel, byStage, () => funnel(byStage));
}

function stateCards(byState) {
  return h(
    "ul",
    { class: "cards" },
    STATES.map(([state, help]) =>
      h(
        "li",
        { class: `card card-state state-${state.toLowerCase()}` },
        h(
          "a",
          { href: leadsLink("state", state), "data-focus-id": `state-${state}` },
          h("span", { class: "card-label" }, state),
          h("span", { class: "card-value", "data-count": state }, number(byState[state])),
          h("span", { class: "card-help" }, help),
        ),
      ),
    ),
  );
}

function verdictBar(byStatus) {
  const total = VERDICTS.reduce((sum, [key]) => sum + (byStatus[key] || 0), 0);
  const bar = h(
    "div",
    { class: "stackbar", role: "img", "aria-label": verdictLabel(byStatus, total) },
    VERDICTS.filter(([key]) => byStatus[key]).map(([key]) =>
      h("span", {
        class: `seg verdict-${key.toLowerCase()}`,
        style: null,
        dataset: { share: String(byStatus[key] / total) },
      }),
    ),
  );
  // Inline styles are barred by the page's CSP; flex-grow goes in via the DOM.
  for (const seg of bar.children) seg.style.flexGrow = seg.dataset.share;
  const legend = h(
    "ul",
    { class: "legend" },
    VERDICTS.map(([key, label]) => {
      const link = key === "none" ? null : leadsLink("status", key);
      const content = [
        h("span", { class: `swatch verdict-${key.toLowerCase()}`, "aria-hidden": "true" }),
        h("span", { class: "legend-label" }, label),
        h("strong", { "data-count": key }, number(byStatus[key])),
      ];
      return h(
        "li",
        {},
        link ? h("a", { href: link, "data-focus-id": `verdict-${key}` }, content) : content,
      );
    }),
  );
  return [total ? bar : h("p", { class: "empty" }, "No leads yet."), legend];
}

function verdictLabel(byStatus, total) {
  const parts = VERDICTS.map(([key, label]) => `${label}: ${byStatus[key] || 0}`);
  return `${total} leads. ${parts.join(", ")}`;
}

function funnel(byStage) {
  const counts = OPEN_STAGES.map((stage) => byStage[stage] || 0);
  const max = Math.max(1, ...counts);
  const steps = OPEN_STAGES.map((stage, i) => {
    const bar = h("span", { class: counts[i] ? "funnel-bar" : "funnel-bar funnel-bar-empty" });
    bar.style.width = `${(counts[i] / max) * 100}%`;
    return h(
      "li",
      { class: "funnel-step" },
      h(
        "a",
        { href: leadsLink("stage", stage), "data-focus-id": `stage-${stage}` },
        h("span", { class: "funnel-name" }, stage),
        h("span", { class: "funnel-track" }, bar),
        h("strong", { class: "funnel-count", "data-count": stage }, number(counts[i])),
      ),
    );
  });
  const closed = CLOSED_STAGES.map(([stage, kind]) =>
    h(
      "li",
      { class: `outcome outcome-${kind}` },
      h(
        "a",
        { href: leadsLink("stage", stage), "data-focus-id": `stage-${stage}` },
        h("span", { class: "outcome-name" }, stage),
        h("strong", { class: "outcome-count", "data-count": stage }, number(byStage[stage])),
      ),
    ),
  );
  return [
    h("ol", { class: "funnel", "aria-label": "Open opportunities by stage" }, steps),
    h("ul", { class: "outcomes", "aria-label": "Closed opportunities" }, closed),
    h("p", { class: "funnel-note" }, funnelNote(byStage)),
  ];
}

function funnelNote(byStage) {
  const open = OPEN_STAGES.reduce((sum, s) => sum + (byStage[s] || 0), 0);
  const closed = CLOSED_STAGES.reduce((sum, [s]) => sum + (byStage[s] || 0), 0);
  const won = byStage["Closed Won"] || 0;
  const rate = closed ? ` · win rate ${Math.round((won / closed) * 100)}%` : "";
  return `${number(open)} open, ${number(closed)} closed${rate}. The stage follows the dealer's probabilityOfClosurePercentage.`;
}
