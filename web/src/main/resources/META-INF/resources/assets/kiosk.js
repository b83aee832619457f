// The ticket kiosk: business types of the branch, an optional member number, the ticket on screen
// and printable, the check-in of a remote ticket or an appointment by its code, the closed state,
// plain-words errors, back to the start after 30 s idle.
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
  // What the error screen's Back does (the start, or the code entry after a check-in problem), and
  // the check-in to send again after a network error: the same code (the queue answers a code
  // already checked in with its ticket, so a retry never makes a second one).
  let errorBack = null;
  let retry = null;
  const CODE = /^([0-9]{6}|[0-9]{8}|[A-Z][0-9]{3,4})$/;

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
    "checkin-open": { zh: "已预约或网上取号", en: "I have a code (appointment or online ticket)" },
    "code-ask": { zh: "请输入签到码或号码", en: "Enter your check-in code or ticket number" },
    checkin: { zh: "签到", en: "Check in" },
    del: { zh: "删除", en: "Delete" },
    retry: { zh: "重试", en: "Try again" },
    "origin.REMOTE": { zh: "网上取号", en: "Online ticket" },
    "origin.APPOINTMENT": { zh: "预约", en: "Appointment" },
    "origin.LATE_APPOINTMENT": { zh: "预约（迟到，按到达排队）", en: "Appointment (late: queued from arrival)" },
    "err.code-format": { zh: "请输入 6 位或 8 位签到码，或号码（如 A012）。", en: "Enter the 6- or 8-digit code, or the ticket number (like A012)." },
    "err.code-unknown": { zh: "没有找到这个签到码，请核对后重新输入。", en: "That code was not found. Check it and enter it again." },
    "err.remote-expired": { zh: "这张网上号票已过期，请重新取号。", en: "This online ticket has expired. Please take a new ticket." },
    "err.too-early": { zh: "还没到签到时间，请稍后再来。", en: "It is too early to check in. Please come back a little later." },
    "err.too-early-at": { zh: "还没到签到时间，请于 {at} 后签到。", en: "It is too early to check in. Please check in from {at}." },
    "err.appt-missed": { zh: "预约时间已过，请重新取号。", en: "The appointment time has passed. Please take a ticket." },
    "err.appt-cancelled": { zh: "这个预约已取消，请重新取号。", en: "This appointment was cancelled. Please take a ticket." },
  });
  const fill = Screen.fill;

  function show(section) {
    ["start", "checkin", "ticket", "closed", "error"].forEach(s => { $(s).hidden = s !== section; });
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
    $("code").value = "";
    retry = null;
    errorBack = null;
    resetNotice();
    $("receipt").hidden = false;
    $("print").hidden = false;
    if (document.body.dataset.state !== "closed") show("start");
    load();
  }

  let errorValues = null;
  function fail(key, back, again, values) {
    errorValues = values || null;
    $("error-text").textContent = values ? fill(key, values) : Screen.t(key);
    $("error-text").dataset.key = key;
    errorBack = back || null;
    retry = again || null;
    $("error-retry").hidden = !retry;
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
    showTicket(res.body);
  }

  // A ticket just issued or checked in: on screen and printable, the same either way.
  function showTicket(tk) {
    $("ticket-number").textContent = tk.number;
    const origin = ["REMOTE", "APPOINTMENT", "LATE_APPOINTMENT"].includes(tk.origin) ? tk.origin : null;
    $("ticket-origin").hidden = !origin;
    $("ticket-origin").dataset.t = origin ? "origin." + origin : "";
    $("ticket-origin").textContent = origin ? Screen.t("origin." + origin) : "";
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

  // A customer who took a ticket online or booked an appointment: the code (six or eight digits) or
  // the ticket number (its letter from the row of the branch's ticket letters, then digits).
  function openCheckIn() {
    $("code").value = "";
    renderKeypad();
    show("checkin");
    $("code").focus();
  }

  function renderKeypad() {
    const key = (label, value, cls) => {
      const b = Screen.el("button", { type: "button", class: "key" + (cls ? " " + cls : ""), "data-key": value }, label);
      b.addEventListener("click", () => press(value));
      return b;
    };
    const letters = [...new Set((info ? info.businessTypes : []).map(c => types[c] && types[c].ticketPrefix).filter(Boolean))].sort();
    $("letters").replaceChildren(...letters.map(l => key(l, l, "letter")));
    $("digits").replaceChildren(...["1", "2", "3", "4", "5", "6", "7", "8", "9"].map(d => key(d, d)),
      key(Screen.t("del"), "del", "del"), key("0", "0"));
  }

  function press(value) {
    const code = $("code");
    if (value === "del") code.value = code.value.slice(0, -1);
    else if (/[A-Z]/.test(value)) code.value = value; // a ticket number starts with its letter
    else if (code.value.length < 8) code.value += value;
    armIdle();
  }

  function typed() {
    const code = $("code");
    code.value = code.value.toUpperCase().replace(/[^0-9A-Z]/g, "").slice(0, 8);
  }

  async function checkIn(e) {
    if (e) e.preventDefault();
    typed();
    const code = $("code").value;
    if (!CODE.test(code)) return fail("err.code-format", "checkin");
    send(code);
  }

  async function send(code) {
    if (busy) return;
    busy = true;
    const res = await Screen.api("POST", "/api/v1/branches/" + encodeURIComponent(branch) + "/check-ins", { code });
    busy = false;
    if (res.ok) {
      $("code").value = "";
      return showTicket(res.body);
    }
    const slug = res.problem && typeof res.problem.type === "string" ? res.problem.type.replace(/^.*\/problems\//, "") : "";
    switch (slug) {
      case "branch-closed": return closedState();
      case "check-in-code-unknown": return fail("err.code-unknown", "checkin");
      case "remote-ticket-expired": return fail("err.remote-expired");
      case "appointment-missed": return fail("err.appt-missed");
      case "appointment-cancelled": return fail("err.appt-cancelled");
      case "check-in-too-early": return tooEarly(res.problem.detail);
    }
    if (res.status === 400 || res.status === 422) return fail("err.code-format", "checkin");
    // No answer, or the queue busy: the same code again, which cannot check in twice.
    if (res.key === "err.network" || res.key === "err.busy") return fail(res.key, "checkin", () => send(code));
    return fail(res.key);
  }

  // The queue's detail names the instant check-in opens; told as the branch's time of day.
  function tooEarly(detail) {
    const at = String(detail || "").match(/\d{4}-\d\d-\d\dT[0-9:.]+Z/g);
    if (!at) return fail("err.too-early", "checkin");
    fail("err.too-early-at", "checkin", null, { at: Screen.time(at[at.length - 1], info ? info.timeZone : undefined) });
  }

  // The error on screen in the language just chosen.
  function retell() {
    const key = $("error-text").dataset.key;
    if (key) $("error-text").textContent = errorValues ? fill(key, errorValues) : Screen.t(key);
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
    $("lang").addEventListener("click", () => { Screen.toggle(); renderTypes(); renderKeypad(); retell(); });
    $("print").addEventListener("click", () => window.print());
    $("done").addEventListener("click", backToStart);
    $("notice-form").addEventListener("submit", askNotice);
    $("error-back").addEventListener("click", () => (errorBack === "checkin" ? show("checkin") : backToStart()));
    $("error-retry").addEventListener("click", () => { if (retry) retry(); });
    $("checkin-open").addEventListener("click", openCheckIn);
    $("checkin-back").addEventListener("click", backToStart);
    $("checkin-form").addEventListener("submit", checkIn);
    $("code").addEventListener("input", typed);
    ["pointerdown", "keydown"].forEach(e => document.addEventListener(e, armIdle));
    load();
  });
})();
