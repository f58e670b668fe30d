// The dashboard's shell: routing, polling, the admin token and the toolbar.

import { AuthRequired, adminRequired, get, token } from "./api.js";
import { formatClock, formatDuration, h, refreshAgo } from "./dom.js";
import { leadView } from "./lead.js";
import { leadsView } from "./leads.js";
import { overviewView } from "./overview.js";
import { requestsView } from "./requests.js";

const POLL_MS = 1500;
const DEALER_KEY = "mockcat.dealer";
const LARGE_KEY = "mockcat.largeType";

const $ = (id) => document.getElementById(id);

// What every view may read: the chosen dealer, the clock and the stats.
const ctx = {
  dealer: sessionStorage.getItem(DEALER_KEY) || "",
  clock: null,
  nowMs: Date.now(),
  stats: null,
  refresh: () => refreshSoon(),
  notify: (text, kind) => notify(text, kind),
};

let current = null; // { name, view }
let timer = null;
let busy = false;
let again = false;
let live = true;
let waitingForToken = false;

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "leads") return { name: "leads", view: leadsView, params };
  if (parts[0] === "lead" && parts[1]) {
    params.set("id", decodeURIComponent(parts.slice(1).join("/")));
    return { name: "lead", view: leadView, params };
  }
  if (parts[0] === "requests") return { name: "requests", view: requestsView, params };
  return { name: "overview", view: overviewView, params };
}

function mountRoute() {
  const next = route();
  const main = $("view");
  if (current && current.name === next.name && next.view.sameRoute?.(next.params)) {
    return;
  }
  current?.view.unmount?.();
  current = next;
  main.replaceChildren();
  current.view.mount(main, next.params, ctx);
  for (const link of document.querySelectorAll("[data-nav]")) {
    const active = link.dataset.nav === (next.name === "lead" ? "leads" : next.name);
    if (active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  refreshSoon();
}

function refreshSoon() {
  clearTimeout(timer);
  if (busy) {
    again = true;
    return;
  }
  timer = setTimeout(tick, 0);
}

async function tick() {
  if (waitingForToken) return;
  busy = true;
  again = false;
  try {
    const [clock, stats] = await Promise.all([
      get("/clock"),
      get("/stats", { dealer: ctx.dealer }),
    ]);
    ctx.clock = clock;
    ctx.nowMs = new Date(clock.now).getTime();
    ctx.stats = stats;
    renderToolbar();
    await current.view.update(ctx);
    refreshAgo(ctx.nowMs);
    setConnection("");
  } catch (error) {
    handleError(error);
  } finally {
    busy = false;
    schedule();
  }
}

function schedule() {
  clearTimeout(timer);
  if (waitingForToken) return;
  if (again) timer = setTimeout(tick, 0);
  else if (live) timer = setTimeout(tick, POLL_MS);
}

function handleError(error) {
  if (error instanceof AuthRequired) {
    askForToken(token.get() ? "That token was refused." : "");
  } else if (error instanceof TypeError) {
    setConnection("Can't reach the simulator. Retrying…");
  } else {
    setConnection(error.message);
  }
}

function setConnection(text) {
  const line = $("status-line");
  if (line.dataset.kind === "action" && !text) return;
  line.textContent = text;
  line.dataset.kind = text ? "error" : "";
}

let notifyTimer = null;
function notify(text, kind = "ok") {
  const line = $("status-line");
  line.textContent = text;
  line.dataset.kind = kind === "error" ? "error" : "action";
  clearTimeout(notifyTimer);
  notifyTimer = setTimeout(() => {
    if (line.textContent === text) {
      line.textContent = "";
      line.dataset.kind = "";
    }
  }, 6000);
}

function renderToolbar() {
  const { clock, stats } = ctx;
  if (clock) {
    $("clock-now").textContent = formatClock(clock.now);
    $("clock-now").setAttribute("datetime", clock.now);
    const offset = Number(clock.offsetSeconds || 0);
    $("clock-offset").textContent = offset ? formatDuration(offset) : "";
  }
  if (stats) renderDealers(stats.dealers || []);
}

function renderDealers(dealers) {
  const select = $("dealer-select");
  const wanted = ["", ...dealers];
  if (ctx.dealer && !wanted.includes(ctx.dealer)) wanted.push(ctx.dealer);
  const have = [...select.options].map((o) => o.value);
  if (have.join("\n") === wanted.join("\n")) return;
  select.replaceChildren(
    ...wanted.map((code) =>
      h("option", { value: code, selected: code === ctx.dealer }, code || "All dealers"),
    ),
  );
}

function askForToken(problem) {
  waitingForToken = true;
  const dialog = $("auth-dialog");
  const error = $("auth-error");
  error.hidden = !problem;
  error.textContent = problem;
  $("token-button").hidden = false;
  if (!dialog.open) dialog.showModal();
  $("auth-token").focus();
}

function setupAuth() {
  $("auth-form").addEventListener("submit", () => {
    const value = $("auth-token").value.trim();
    if (!value) return;
    token.set(value);
    $("auth-token").value = "";
    waitingForToken = false;
    refreshSoon();
  });
  $("auth-dialog").addEventListener("cancel", (event) => event.preventDefault());
  $("token-button").addEventListener("click", () => {
    token.clear();
    askForToken("");
  });
  if (adminRequired()) {
    $("token-button").hidden = false;
    if (!token.get()) askForToken("");
  }
}

function setupToolbar() {
  $("dealer-select").addEventListener("change", (event) => {
    ctx.dealer = event.target.value;
    sessionStorage.setItem(DEALER_KEY, ctx.dealer);
    current.view.dealerChanged?.(ctx);
    refreshSoon();
  });
  const liveButton = $("live-toggle");
  liveButton.addEventListener("click", () => {
    live = !live;
    liveButton.setAttribute("aria-pressed", String(live));
    liveButton.querySelector(".live-text").textContent = live ? "Live" : "Paused";
    if (live) refreshSoon();
    else clearTimeout(timer);
  });
  const large = $("large-toggle");
  const applyLarge = (on) => {
    document.documentElement.classList.toggle("large", on);
    large.setAttribute("aria-pressed", String(on));
    localStorage.setItem(LARGE_KEY, on ? "1" : "");
  };
  applyLarge(localStorage.getItem(LARGE_KEY) === "1");
  large.addEventListener("click", () =>
    applyLarge(!document.documentElement.classList.contains("large")),
  );
}

function start() {
  setupToolbar();
  setupAuth();
  window.addEventListener("mockcat:refresh", () => refreshSoon());
  window.addEventListener("hashchange", () => {
    mountRoute();
    $("view").focus({ preventScroll: true });
  });
  mountRoute();
}

start();
