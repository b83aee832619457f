// The ticket kiosk: business types of the branch, an optional member number, the ticket on screen
// and printable, the closed state, plain-words errors, back to the start after 30 s idle.
"use strict";
(() => {
  const IDLE_MS = 30000;
  const LONG_WAIT_MINUTES = 10;
  // Advice that only helps when the wait is long (another channel); the others always apply.
  const CHANNEL_ADVICE = ["SELF_SERVICE_PAYMENT", "OTHER_CHANNELS"];
  const branch = Screen.branchFromPath();
  const $ = id => document.getElementById(id);
  let types = {};
  let info = null;
  let idleTimer = null;
  let busy = false;

  Screen.define({
    lang: { zh: "English", en: "中文" },
    choose: { zh: "请选择您要办理的业务", en: "Choose your service" },
    member: { zh: "会员号（可选，VIP 客户请输入）", en: "Member number (optional, for VIP customers)" },
    "your-ticket": { zh: "您的号码", en: "Your number" },
    type: { zh: "业务", en: "Service" },
    ahead: { zh: "前面等候", en: "People ahead" },
    wait: { zh: "预计等候", en: "Estimated wait" },
    issued: { zh: "取号时间", en: "Taken at" },
    long: { zh: "等候时间较长：缴费、查询等业务也可以使用自助终端、网上营业厅或拨打 10086 办理。",
      en: "The wait is long: payments and enquiries can also be done at the self-service machines, in the online hall or on 10086." },
    print: { zh: "打印号票", en: "Print ticket" },
    done: { zh: "完成", en: "Done" },
    closed: { zh: "本厅现在不办理业务", en: "The hall is closed now" },
    back: { zh: "返回", en: "Back" },
    idle: { zh: "30 秒无操作将自动返回首页", en: "Returns to the start after 30 seconds without a touch" },
    minutes: { zh: "约 {n} 分钟", en: "about {n} min" },
    people: { zh: "{n} 人", en: "{n}" },
    hours: { zh: "营业时间 {from}–{to}", en: "Opening hours {from}–{to}" },
    "opens-today": { zh: "今天 {at} 开始取号", en: "Tickets from {at} today" },
    "opens-tomorrow": { zh: "明天 {at} 开始取号", en: "Tickets from {at} tomorrow" },
    "breach": { zh: "抱歉，预计等候约 {n} 分钟，超过 {limit} 分钟的服务标准。您也可以：",
      en: "Sorry: the wait is about {n} min, over our {limit}-minute standard. You can also:" },
    "nearby": { zh: "去附近的{name}：预计等候约 {n} 分钟，路程约 {travel} 分钟", en: "Go to {name} nearby: about {n} min wait, {travel} min away" },
    "go-there": { zh: "取消号票，去这家营业厅", en: "Cancel my ticket and go there" },
    "gone": { zh: "号票 {number} 已取消。请前往{name}，路程约 {travel} 分钟。", en: "Ticket {number} is cancelled. Please go to {name}, {travel} min away." },
    "notice-ask": { zh: "想先离开一会儿？留下手机号，前面还剩 {n} 位时我们发一条短信提醒您（号码只用于这次提醒，叫号后即删除）。",
      en: "Want to step out? Leave your mobile number and we send one text when {n} people are left ahead of you (used for this reminder only, erased once you are called)." },
    phone: { zh: "手机号", en: "Mobile number" },
    consent: { zh: "我同意营业厅为本次叫号提醒发送一条短信", en: "I agree to one text message about this ticket" },
    "notice-submit": { zh: "到号前短信提醒我", en: "Text me before my turn" },
    "notice-done": { zh: "好的：前面还剩 {n} 位时发短信到 {phone}。", en: "Done: we text {phone} when {n} people are left ahead of you." },
    "err.phone": { zh: "请输入 11 位手机号码。", en: "Enter an 11-digit mobile number." },
    "err.consent": { zh: "请勾选同意，我们才能发送提醒短信。", en: "Tick the box so that we may send the reminder." },
    "err.called": { zh: "您的号码已经叫到，请留意叫号屏。", en: "Your number has been called already: watch the display." },
  });
  const fill = Screen.fill;

  function show(section) {
    ["start", "ticket", "closed", "error"].forEach(s => { $(s).hidden = s !== section; });
    document.body.dataset.state = section;
    $("idle-note").hidden = section === "start" || section === "closed";
    armIdle();
  }

  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(backToStart, IDLE_MS);
  }

  function backToStart() {
    $("member").value = "";
    resetNotice();
    $("receipt").hidden = false;
    $("print").hidden = false;
    if (document.body.dataset.state !== "closed") show("start");
    load();
  }

  function fail(key) {
    $("error-text").textContent = Screen.t(key);
    $("error-text").dataset.key = key;
    show("error");
  }

  function typeName(code) {
    const t = types[code];
    if (!t) return code;
    return Screen.lang === "zh" ? t.nameZh : t.name;
  }

  function renderTypes() {
    const box = $("types");
    box.replaceChildren();
    (info ? info.businessTypes : []).forEach(code => {
      const t = types[code] || { nameZh: code, name: code };
      const first = Screen.lang === "zh" ? t.nameZh : t.name;
      const second = Screen.lang === "zh" ? t.name : t.nameZh;
      const b = Screen.el("button", { type: "button", class: "type", "data-type": code }, first, Screen.el("small", {}, second));
      b.addEventListener("click", () => issue(code));
      box.append(b);
    });
  }

  async function closedState() {
    const day = await Screen.api("GET", "/api/v1/branches/" + encodeURIComponent(branch) + "/service-day");
    const zone = info ? info.timeZone : "Asia/Shanghai";
    const from = info ? String(info.opensAt).slice(0, 5) : "";
    const to = info ? String(info.closesAt).slice(0, 5) : "";
    $("closed-hours").textContent = from ? fill("hours", { from, to }) : "";
    if (day.ok && day.body && day.body.state === "NOT_OPEN_YET") {
      $("closed-next").textContent = fill("opens-today", { at: Screen.time(day.body.opensAt, zone) });
    } else {
      $("closed-next").textContent = fill("opens-tomorrow", { at: from });
    }
    show("closed");
  }

  async function load() {
    const [b, catalogue] = await Promise.all([
      Screen.api("GET", "/api/v1/branches/" + encodeURIComponent(branch)),
      Screen.api("GET", "/api/v1/business-types")]);
    if (!b.ok) return fail(b.key);
    if (!catalogue.ok) return fail(catalogue.key);
    info = b.body;
    types = {};
    catalogue.body.forEach(t => { types[t.code] = t; });
    $("branch-name").textContent = info.name;
    renderTypes();
    const day = await Screen.api("GET", "/api/v1/branches/" + encodeURIComponent(branch) + "/service-day");
    if (day.ok && day.body && day.body.state !== "OPEN") return closedState();
    if (document.body.dataset.state === "loading" || document.body.dataset.state === "closed") show("start");
  }

  async function issue(code) {
    if (busy) return;
    busy = true;
    const body = { businessType: code };
    const member = $("member").value.trim();
    if (member) body.customerRef = member;
    // One key per ticket: a retried request cannot issue a second one.
    const key = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    const res = await Screen.api("POST", "/api/v1/branches/" + encodeURIComponent(branch) + "/tickets", body, { "Idempotency-Key": key });
    busy = false;
    if (!res.ok) {
      if (res.key === "err.closed") return closedState();
      return fail(res.key);
    }
    const tk = res.body;
    $("ticket-number").textContent = tk.number;
    $("ticket-type").textContent = typeName(tk.businessType);
    $("ticket-ahead").textContent = fill("people", { n: tk.peopleAhead == null ? 0 : tk.peopleAhead });
    $("ticket-wait").textContent = fill("minutes", { n: tk.estimatedWaitMinutes });
    $("ticket-time").textContent = Screen.time(tk.issuedAt, info ? info.timeZone : undefined);
    $("branch-line").textContent = info ? info.name : "";
    const long = tk.estimatedWaitMinutes >= LONG_WAIT_MINUTES;
    const advice = tk.advice && (long || !CHANNEL_ADVICE.includes(tk.advice.code)) ? tk.advice : null;
    $("ticket-advice").hidden = !advice;
    $("ticket-advice").textContent = advice ? advice.text : "";
    $("ticket-advice").dataset.code = advice ? advice.code : "";
    // The other channels once: the queue's own advice when it already names them, else the general line.
    $("ticket-long").hidden = !long || (advice && CHANNEL_ADVICE.includes(advice.code)) || !!tk.predictedBreach;
    showBreach(tk);
    offerNotice(tk);
    show("ticket");
  }

  // "Your turn is near": the customer's consent to the queue (which knows when the turn is near) and
  // the number to the monitor (which sends the text); the number never goes anywhere else and leaves
  // this screen as soon as it is sent.
  let noticeTicket = null;
  function resetNotice() {
    noticeTicket = null;
    $("phone").value = "";
    $("consent").checked = false;
    $("notice-form").hidden = true;
    $("notice-done").hidden = true;
    $("notice-submit").disabled = false;
    delete $("notice-form").dataset.state;
  }
  function offerNotice(tk) {
    resetNotice();
    noticeTicket = tk;
    $("notice-ask").textContent = fill("notice-ask", { n: aheadToTell() });
    // Only worth it while more than that many wait ahead, and never for a ticket advised elsewhere.
    $("notice-form").hidden = !(tk.peopleAhead > aheadToTell());
  }
  function aheadToTell() {
    return info && info.turnNoticeAhead ? info.turnNoticeAhead : 3;
  }
  async function askNotice(e) {
    e.preventDefault();
    const phone = $("phone").value.replace(/\s+/g, "");
    if (!/^1[3-9][0-9]{9}$/.test(phone)) { noticeMessage("err.phone"); return; }
    if (!$("consent").checked) { noticeMessage("err.consent"); return; }
    $("notice-submit").disabled = true;
    const id = encodeURIComponent(noticeTicket.ticketId);
    const consent = await Screen.api("POST", "/api/v1/tickets/" + id + "/turn-notice", {});
    let contact = consent;
    // The monitor takes a number only for a ticket it has seen: just after issue it may not have yet (404), so ask again.
    for (let i = 0; consent.ok && i < 10; i++) {
      contact = await Screen.api("PUT", "/api/v1/tickets/" + id + "/turn-notice-contact", { branchId: branch, phone });
      if (contact.status !== 404) break;
      await new Promise(r => setTimeout(r, 500));
    }
    $("phone").value = "";
    if (!contact.ok) {
      $("notice-submit").disabled = false;
      noticeMessage(contact.status === 409 ? "err.called" : contact.status === 422 || contact.status === 400 ? "err.phone" : contact.key);
      return;
    }
    $("notice-done").textContent = fill("notice-done", { n: aheadToTell(), phone: contact.body.phone });
    $("notice-done").hidden = false;
    $("notice-form").dataset.state = "registered";
    armIdle();
  }
  function noticeMessage(key) {
    $("notice-done").textContent = Screen.t(key);
    $("notice-done").hidden = false;
  }

  // The estimate is already past the wait limit: say so, name what else can do the business and the
  // nearby halls that are sooner; the customer keeps the ticket or cancels it to go there.
  function showBreach(tk) {
    const p = tk.predictedBreach;
    $("ticket-breach").hidden = !p;
    $("breach-gone").hidden = true;
    $("breach-channels").replaceChildren();
    $("breach-branches").replaceChildren();
    if (!p) return;
    $("breach-line").textContent = fill("breach", { n: p.estimatedWaitMinutes, limit: p.waitLimitMinutes });
    p.otherChannels.forEach(c => $("breach-channels").append(Screen.el("li", { "data-code": c.code }, c.text)));
    p.nearbyBranches.forEach(n => {
      const go = Screen.el("button", { type: "button", class: "btn", "data-branch": n.branchId }, Screen.t("go-there"));
      go.addEventListener("click", () => goTo(tk, n));
      $("breach-branches").append(Screen.el("li", { "data-branch": n.branchId },
        Screen.el("span", {}, fill("nearby", { name: n.name, n: n.estimatedWaitMinutes, travel: n.travelMinutes })), go));
    });
  }

  async function goTo(tk, n) {
    const res = await Screen.api("POST", "/api/v1/tickets/" + encodeURIComponent(tk.ticketId) + "/cancel",
      { reason: "went to " + n.branchId + " as the kiosk advised" });
    if (!res.ok) return fail(res.key);
    $("breach-branches").replaceChildren();
    $("breach-gone").textContent = fill("gone", { number: tk.number, name: n.name, travel: n.travelMinutes });
    $("breach-gone").hidden = false;
    $("receipt").hidden = true;
    $("print").hidden = true;
    $("notice-form").hidden = true;
    document.body.dataset.state = "advised-away";
    armIdle();
  }

  document.addEventListener("DOMContentLoaded", () => {
    Screen.apply();
    $("lang").addEventListener("click", () => { Screen.toggle(); renderTypes(); });
    $("print").addEventListener("click", () => window.print());
    $("done").addEventListener("click", backToStart);
    $("notice-form").addEventListener("submit", askNotice);
    $("error-back").addEventListener("click", backToStart);
    ["pointerdown", "keydown"].forEach(e => document.addEventListener(e, armIdle));
    load();
  });
})();
