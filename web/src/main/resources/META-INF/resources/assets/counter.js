// The counter workstation: the clerk's shift at one counter. Sign in/out, pause and resume, call,
// recall, no-show, start, finish, transfer; the handling timer against the type's limit; the
// queue panel; the marketing card. Call-next sends one Idempotency-Key per click, and the same
// key again when the clerk retries after a 503, so one click never calls two customers.
"use strict";
const Workstation = (() => {
  /** ok below 80 % of the limit, amber from 80 %, red past it. */
  function timerState(seconds, limit) {
    if (!limit || seconds == null) return "ok";
    if (seconds > limit) return "red";
    if (seconds >= 0.8 * limit) return "amber";
    return "ok";
  }
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }
  return { timerState, clock };
})();

(() => {
  const parts = location.pathname.split("/");
  const branch = decodeURIComponent(parts[2] || "");
  const counterId = decodeURIComponent(parts[3] || "");
  const enc = encodeURIComponent;
  const base = "/api/v1/branches/" + enc(branch) + "/counters/" + enc(counterId);
  const $ = id => document.getElementById(id);
  let session = null;
  let view = null;
  let syncedAt = 0;
  let types = {};
  let info = null;
  let pendingCallKey = null;
  let cardFor = null;
  let busy = false;

  Screen.define({
    lang: { zh: "English", en: "中文" },
    "retry-text": { zh: "队列服务暂时不可用，刚才的叫号没有完成。请重试。", en: "The queue did not answer and the call did not go through. Try again." },
    retry: { zh: "重试", en: "Try again" },
    "closed-title": { zh: "本窗口未签到", en: "Nobody is signed in at this counter" },
    "sign-in": { zh: "签到", en: "Sign in" },
    "paused-title": { zh: "暂停服务中", en: "Paused" },
    resume: { zh: "恢复服务", en: "Resume" },
    "call-next": { zh: "叫号 (N)", en: "Call next (N)" },
    recall: { zh: "重呼 (R)", en: "Recall (R)" },
    "no-show": { zh: "过号 (X)", en: "No-show (X)" },
    start: { zh: "开始办理 (S)", en: "Start (S)" },
    finish: { zh: "完成 (F)", en: "Finish (F)" },
    "o-completed": { zh: "办结", en: "Completed" },
    "o-referred": { zh: "转介", en: "Referred" },
    "o-unresolved": { zh: "未解决", en: "Unresolved" },
    transfer: { zh: "转业务", en: "Transfer" },
    pause: { zh: "暂停", en: "Pause" },
    "r-break": { zh: "休息", en: "Break" },
    "r-training": { zh: "培训", en: "Training" },
    "r-supervisor": { zh: "主管事务", en: "Supervisor" },
    "r-other": { zh: "其他", en: "Other" },
    "sign-out": { zh: "签退", en: "Sign out" },
    keys: { zh: "快捷键：N 叫号 · S 开始办理 · F 完成 · R 重呼 · X 过号", en: "Keys: N call next · S start · F finish · R recall · X no-show" },
    recovery: { zh: "先致歉", en: "Apologise first" },
    offer: { zh: "推荐", en: "Offer" },
    accept: { zh: "接受", en: "Accepted" },
    interested: { zh: "有兴趣", en: "Interested" },
    decline: { zh: "不需要", en: "Declined" },
    queue: { zh: "排队情况", en: "Queue" },
    "col-type": { zh: "业务", en: "Service" },
    "col-waiting": { zh: "等候", en: "Waiting" },
    "col-oldest": { zh: "最长等候", en: "Oldest wait" },
    "s-CLOSED": { zh: "未签到", en: "Closed" },
    "s-OPEN": { zh: "服务中", en: "Open" },
    "s-PAUSED": { zh: "暂停", en: "Paused" },
    "s-SERVING": { zh: "办理中", en: "Serving" },
    "nobody-waiting": { zh: "目前没有等候的客户。", en: "Nobody is waiting." },
    conflict: { zh: "当前状态不能这样操作，窗口状态已刷新。", en: "Not possible in the counter's present state; the screen is up to date again." },
    "try-again": { zh: "服务暂时不可用，请稍后重试。", en: "The service did not answer. Try again shortly." },
    apology: { zh: "已超过本业务的办理时限：请向客户说明原因、征得同意并致歉。", en: "Past this service's time limit: explain why, ask the customer's consent and apologise." },
    recorded: { zh: "已记录：{r}", en: "Recorded: {r}" },
    limit: { zh: "时限 {l}", en: "limit {l}" },
    paused: { zh: "原因：{r} · 已暂停 {m} 分钟", en: "Reason: {r} · paused for {m} min" },
    minutes: { zh: "{n} 分钟", en: "{n} min" },
    vip: { zh: "VIP 客户", en: "VIP" },
    called: { zh: "已叫号，等待客户到窗口", en: "Called: waiting for the customer to come up" },
    park: { zh: "暂挂", en: "Park" },
    "p-front": { zh: "回队列最前", en: "Back to the front" },
    "p-original": { zh: "按原取号时间", en: "By the original ticket time" },
    "p-back": { zh: "回队列最后", en: "Back to the end" },
    "call-ticket": { zh: "指定叫号", en: "Call this ticket" },
    "c-elderly": { zh: "老年客户", en: "Elderly" },
    "c-disabled": { zh: "残障客户", en: "Disabled" },
    "c-pregnant": { zh: "孕妇", en: "Pregnant" },
    "c-supervisor": { zh: "主管安排", en: "Supervisor" },
    "c-returning": { zh: "回来补办", en: "Returning" },
    "c-other": { zh: "其他", en: "Other" },
    "walk-in": { zh: "无号办理", en: "Walk-in" },
    "no-ticket": { zh: "（没有等候的号码）", en: "(nobody waiting)" },
    "ticket-option": { zh: "{number} {type} · 等候 {m} 分钟", en: "{number} {type} · waiting {m} min" },
    note: { zh: "备注（最多 255 字，不要写电话号码）", en: "Note (at most 255 characters, no phone numbers)" },
    "previous-notes": { zh: "之前的备注", en: "Earlier notes" },
    "previous-note": { zh: "{at} {counter} {clerk}：{note}", en: "{at} {counter} {clerk}: {note}" },
    "err.note-phone": { zh: "备注里不能有电话号码，请删掉后再提交。", en: "A note may not hold a phone number: remove it and try again." },
    "err.handled": { zh: "本厅要求填写办理的业务。", en: "This branch asks for the business types handled." },
  });
  const fill = Screen.fill;
  const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(16) + Math.random().toString(16).slice(2));

  function say(key, vars) {
    const box = $("message");
    box.textContent = vars ? fill(key, vars) : Screen.t(key);
    box.dataset.key = key;
    box.hidden = false;
  }
  function quiet() {
    $("message").hidden = true;
    $("message").dataset.key = "";
  }

  function typeName(code) {
    const t = types[code];
    return t ? (Screen.lang === "zh" ? t.nameZh : t.name) : code;
  }

  /** A counter action through the gateway; refreshes the screen whatever the answer. */
  async function act(path, body) {
    if (busy) return null;
    busy = true;
    quiet();
    const r = await Screen.api("POST", path, body === undefined ? {} : body);
    busy = false;
    if (!r.ok) explain(r);
    await refresh();
    return r;
  }

  function explain(r) {
    const slug = r.problem && r.problem.type ? r.problem.type.replace(/^.*\/problems\//, "") : "";
    if (slug === "note-contains-phone-number") return say("err.note-phone");
    if (slug === "business-types-handled-required") return say("err.handled");
    if (r.status === 409 || slug === "counter-state-conflict" || slug === "invalid-transition") return say("conflict");
    if (r.status === 503 || r.status === 0 || r.status === 502 || r.status === 504) return say("try-again");
    say(r.key || "err.other");
  }

  async function callNext(retry) {
    if (busy) return;
    if (!retry || !pendingCallKey) pendingCallKey = newKey();
    const key = pendingCallKey;
    document.body.dataset.lastCallKey = key;
    busy = true;
    quiet();
    const r = await Screen.api("POST", base + "/call-next", {}, { "Idempotency-Key": key });
    busy = false;
    if (r.ok) {
      pendingCallKey = null;
      $("retry-box").hidden = true;
      if (r.status === 204) say("nobody-waiting");
    } else if (r.status === 503 || r.status === 0 || r.status === 502 || r.status === 504) {
      // Not called, or its answer was lost: the retry sends the same key, so it calls at most one customer.
      $("retry-box").hidden = false;
      $("retry").dataset.key = key;
    } else {
      pendingCallKey = null;
      $("retry-box").hidden = true;
      explain(r);
    }
    await refresh();
  }

  async function refresh() {
    const r = await Screen.api("GET", base);
    if (!r.ok) {
      if (r.status !== 503 && r.status !== 0) explain(r);
      return;
    }
    view = r.body;
    syncedAt = performance.now();
    render();
  }

  function show(id, yes) { $(id).hidden = !yes; }

  function render() {
    const v = view;
    const c = v.customer || null;
    const status = v.status;
    document.body.dataset.status = status;
    $("counter-label").textContent = v.label;
    $("status-badge").textContent = Screen.t("s-" + status);
    $("clerk").textContent = v.clerkId || "";
    show("closed-box", status === "CLOSED");
    show("paused-box", status === "PAUSED");
    if (status === "PAUSED" && v.pause) {
      $("pause-info").textContent = fill("paused", { r: Screen.t("r-" + v.pause.reason.toLowerCase()), m: Math.floor(v.pause.seconds / 60) });
    }
    show("customer-box", !!c);
    const open = status === "OPEN";
    const called = open && c && !c.startedAt;
    show("call-next", open && !c);
    show("pause-box", open && !c);
    show("sign-out", open && !c);
    show("recall", called);
    show("no-show", called);
    show("start", called);
    show("finish-box", status === "SERVING");
    show("transfer-box", status === "SERVING");
    show("park-box", !!c && (called || status === "SERVING"));
    show("visit-actions", open && !c);
    if (open && !c) renderVisitChoices();
    renderPreviousNotes(c);
    if (c) {
      $("customer-number").textContent = c.number;
      $("customer-type").textContent = typeName(c.businessType);
      $("customer-tier").textContent = c.tier === "VIP" ? Screen.t("vip") : "";
      $("customer-box").dataset.ticket = c.number;
      const options = (info ? info.businessTypes : []).filter(t => t !== c.businessType);
      const select = $("transfer-type");
      if (select.dataset.for !== c.ticketId) {
        select.replaceChildren(...options.map(t => Screen.el("option", { value: t }, typeName(t))));
        select.dataset.for = c.ticketId;
      }
    } else {
      $("customer-box").dataset.ticket = "";
    }
    if (status === "SERVING" && c && cardFor !== c.ticketId) loadCard(c.ticketId);
    if (status !== "SERVING") {
      $("card").hidden = true;
      cardFor = null;
    }
    tick();
  }

  function tick() {
    const c = view && view.customer;
    const timer = $("timer");
    if (!c || !c.startedAt || c.handlingSeconds == null) {
      timer.dataset.state = c ? "called" : "idle";
      $("timer-text").textContent = c ? Screen.t("called") : "";
      $("timer-fill").style.width = "0";
      $("apology").hidden = true;
      return;
    }
    const seconds = c.handlingSeconds + (performance.now() - syncedAt) / 1000;
    const limit = c.limitSeconds;
    const state = Workstation.timerState(seconds, limit);
    timer.dataset.state = state;
    timer.dataset.limit = String(limit || "");
    $("timer-text").textContent = Workstation.clock(seconds) + (limit ? " / " + fill("limit", { l: Workstation.clock(limit) }) : "");
    $("timer-fill").style.width = limit ? Math.min(100, 100 * seconds / limit) + "%" : "0";
    const over = state === "red";
    $("apology").hidden = !over;
    if (over) $("apology").textContent = c.overLimit && c.prompt ? c.prompt : Screen.t("apology");
  }

  // The walk-in's types are the counter's skills; a chosen call is any waiting ticket of them, in call order.
  let waitingByType = [];
  function renderVisitChoices() {
    const skills = view ? view.skills : [];
    const walkIn = $("walk-in-type");
    if (walkIn.dataset.for !== skills.join()) {
      walkIn.replaceChildren(...skills.map(t => Screen.el("option", { value: t }, typeName(t))));
      walkIn.dataset.for = skills.join();
    }
    const tickets = waitingByType.filter(t => skills.includes(t.businessType))
      .flatMap(t => t.tickets.map(e => ({ e, type: t.businessType })));
    const chosen = $("choose-ticket").value;
    $("choose-ticket").replaceChildren(...(tickets.length ? tickets.map(({ e, type }) => Screen.el("option", { value: e.ticketId,
      "data-number": e.number }, fill("ticket-option", { number: e.number, type: typeName(type), m: Math.floor(e.waitSeconds / 60) })))
      : [Screen.el("option", { value: "" }, Screen.t("no-ticket"))]));
    if (tickets.some(({ e }) => e.ticketId === chosen)) $("choose-ticket").value = chosen;
    $("call-ticket").disabled = !tickets.length;
  }

  function renderPreviousNotes(c) {
    const notes = c && c.previousNotes ? c.previousNotes : [];
    $("previous-notes").replaceChildren(...notes.map(n => Screen.el("li", {}, fill("previous-note",
      { at: Screen.time(n.at, info ? info.timeZone : undefined), counter: n.counterId, clerk: n.clerkId, note: n.note || "—" }))));
    show("previous-notes-box", notes.length > 0);
    if ($("note").dataset.for !== (c ? c.ticketId : "")) {
      $("note").value = "";
      $("note").dataset.for = c ? c.ticketId : "";
    }
  }

  /** A walk-in or a chosen call: one Idempotency-Key per click, as call-next. */
  async function visitCall(path, body) {
    if (busy) return;
    busy = true;
    quiet();
    const r = await Screen.api("POST", base + path, body, { "Idempotency-Key": newKey() });
    busy = false;
    if (!r.ok) explain(r);
    await refresh();
  }

  function noteBody(body) {
    const note = $("note").value.trim();
    if (note) body.note = note;
    return body;
  }

  async function loadCard(ticketId) {
    cardFor = ticketId;
    $("card").hidden = true;
    $("offer-recorded").hidden = true;
    // The marketing service decides when it hears that the service started: ask a few times.
    for (let i = 0; i < 15 && cardFor === ticketId; i++) {
      const r = await Screen.api("GET", base + "/recommendation");
      if (r.ok && r.status === 200 && r.body && r.body.ticketId === ticketId) return renderCard(r.body);
      await new Promise(res => setTimeout(res, 1000));
    }
  }

  function renderCard(card) {
    const zh = Screen.lang === "zh";
    const rec = card.recovery;
    show("recovery", !!rec);
    if (rec) {
      $("recovery-apology").textContent = zh ? rec.apologyZh : rec.apology;
      $("recovery-gesture").textContent = zh ? rec.gestureTextZh : rec.gestureText;
    }
    const offer = card.offer;
    show("offer", !!offer);
    if (offer) {
      $("offer").dataset.offerId = offer.offerId;
      $("offer-name").textContent = zh ? offer.nameZh : offer.name;
      $("offer-pitch").textContent = offer.pitch ? offer.pitch.text : "";
      $("offer-demo").textContent = offer.pitch && offer.pitch.demoStep ? offer.pitch.demoStep : "";
    }
    $("card").hidden = !rec && !offer;
  }

  async function outcome(result) {
    const offerId = $("offer").dataset.offerId;
    if (!offerId) return;
    const r = await Screen.api("POST", "/api/v1/offers/" + enc(offerId) + "/outcome", { result });
    if (r.ok) {
      $("offer-recorded").textContent = fill("recorded", { r: Screen.t({ ACCEPTED: "accept", INTERESTED: "interested", DECLINED: "decline" }[result]) });
      $("offer-recorded").hidden = false;
      $("offer-recorded").dataset.result = result;
    } else {
      explain(r);
    }
  }

  async function refreshQueue() {
    const q = await Screen.api("GET", "/api/v1/branches/" + enc(branch) + "/queue");
    if (!q.ok) return;
    const skills = view ? view.skills : [];
    const rows = q.body.businessTypes.filter(t => !info || info.businessTypes.includes(t.businessType)).map(t =>
      Screen.el("tr", { class: skills.includes(t.businessType) ? "mine" : "", "data-type": t.businessType, "data-waiting": String(t.waiting) },
        Screen.el("td", {}, typeName(t.businessType)), Screen.el("td", {}, t.waiting),
        Screen.el("td", {}, t.waiting ? fill("minutes", { n: Math.floor(t.oldestWaitSeconds / 60) }) : "—")));
    $("queue").replaceChildren(...rows);
    waitingByType = q.body.businessTypes;
    if (view && view.status === "OPEN" && !view.customer) renderVisitChoices();
  }

  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    const buttons = { n: "call-next", s: "start", f: "finish", r: "recall", x: "no-show" };
    const id = buttons[e.key.toLowerCase()];
    if (!id) return;
    const b = $(id);
    // Only an action the screen offers now: a hidden button is not pressed by its key either.
    if (b.offsetParent !== null && !b.disabled) {
      e.preventDefault();
      b.click();
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Screen.apply();
    $("lang").addEventListener("click", () => { Screen.toggle(); if (view) render(); refreshQueue(); });
    $("sign-in").addEventListener("click", () => act(base + "/sign-in", { clerkId: session ? session.subject : "" }));
    $("sign-out").addEventListener("click", () => act(base + "/sign-out"));
    $("pause").addEventListener("click", () => act(base + "/pause", { reason: $("pause-reason").value }));
    $("resume").addEventListener("click", () => act(base + "/resume"));
    $("call-next").addEventListener("click", () => callNext(false));
    $("retry").addEventListener("click", () => callNext(true));
    $("recall").addEventListener("click", () => act(base + "/recall"));
    $("no-show").addEventListener("click", () => act(base + "/no-show"));
    $("start").addEventListener("click", () => act(base + "/service/start"));
    $("finish").addEventListener("click", () => act(base + "/service/finish",
      noteBody({ outcome: $("outcome").value, businessTypesHandled: view && view.customer ? [view.customer.businessType] : [] })));
    $("park").addEventListener("click", () => act(base + "/park", noteBody({ position: $("park-position").value })));
    $("walk-in").addEventListener("click", () => visitCall("/walk-in", { businessType: $("walk-in-type").value }));
    $("call-ticket").addEventListener("click", () => {
      if ($("choose-ticket").value) visitCall("/call-ticket", { ticketId: $("choose-ticket").value, reason: $("choose-reason").value });
    });
    $("transfer").addEventListener("click", async () => {
      const c = view && view.customer;
      const to = $("transfer-type").value;
      if (!c || !to) return;
      // The ticket goes to its new line at the queue; this service then ends here as referred.
      const r = await Screen.api("POST", "/api/v1/tickets/" + enc(c.ticketId) + "/transfer", { businessType: to });
      if (!r.ok) { explain(r); return refresh(); }
      await act(base + "/service/finish", noteBody({ outcome: "REFERRED", businessTypesHandled: [c.businessType] }));
    });
    document.querySelectorAll("[data-result]").forEach(b => b.addEventListener("click", () => outcome(b.dataset.result)));
    document.addEventListener("keydown", onKey);

    const [s, b, catalogue] = await Promise.all([Screen.api("GET", "/session"), Screen.api("GET", "/api/v1/branches/" + enc(branch)),
      Screen.api("GET", "/api/v1/business-types")]);
    if (s.ok) session = s.body;
    if (b.ok) { info = b.body; $("branch-name").textContent = info.name; }
    if (catalogue.ok) catalogue.body.forEach(t => { types[t.code] = t; });
    await refresh();
    refreshQueue();
    setInterval(tick, 500);
    // Resynchronise the timer and the counter's state now and then (another device may act on it).
    setInterval(refresh, 5000);
    // The queue panel follows the branch's ticket events (the hall display's push), with a slow safety net.
    const events = new EventSource("/display/" + enc(branch) + "/events");
    let t = null;
    events.addEventListener("queue", () => { clearTimeout(t); t = setTimeout(refreshQueue, 200); });
    setInterval(refreshQueue, 30000);
  });
})();
