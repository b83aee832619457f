// The duty-manager console: the branch's open warnings and breaches live (server push from the SLA
// topic, a chime for each new one), its alerts with acknowledge, silences, the duty roster and the SLA
// status against the standard, all through this origin's /api/v1 (the sla-monitor's API).
"use strict";
(() => {
  const branch = Screen.branchFromPath();
  const $ = id => document.getElementById(id);
  const enc = encodeURIComponent(branch);
  let zone = "Asia/Shanghai";
  let types = {};
  let me = null;
  let sound = null;
  let findings = new Map(); // breachId -> row
  let fresh = new Set();
  let alerts = [];
  let statusTimer = null;
  // The monitor lets only a duty manager acknowledge and silence; a manager watches.
  const acts = () => !!(me && (me.roles || []).includes("duty-manager"));

  Screen.define({
    title: { zh: "值班经理台", en: "Duty-manager console" },
    lang: { zh: "English", en: "中文" },
    sound: { zh: "点击开启提醒声音 / Enable sound", en: "Enable sound / 点击开启提醒声音" },
    reconnecting: { zh: "正在重新连接…", en: "Reconnecting…" },
    "status-title": { zh: "本厅服务状况", en: "Service in this branch" },
    "waiting-now": { zh: "等候人数", en: "Waiting" },
    oldest: { zh: "最长等候", en: "Longest wait" },
    average: { zh: "滚动平均等候", en: "Rolling average wait" },
    "open-breaches": { zh: "未结超时", en: "Open breaches" },
    "open-warnings": { zh: "预警", en: "Warnings" },
    "findings-title": { zh: "正在发生的预警与超时", en: "Open warnings and breaches" },
    "findings-empty": { zh: "目前没有预警或超时。", en: "No warnings or breaches now." },
    "col-level": { zh: "级别", en: "Level" },
    "col-ticket": { zh: "号码", en: "Ticket" },
    "col-type": { zh: "业务", en: "Service" },
    "col-rule": { zh: "规则", en: "Rule" },
    "col-over": { zh: "超时", en: "Over by" },
    "col-detected": { zh: "发现时间", en: "Detected" },
    "alerts-title": { zh: "告警", en: "Alerts" },
    "alerts-empty": { zh: "没有未处理的告警。", en: "No alerts to handle." },
    "col-created": { zh: "时间", en: "Time" },
    "col-status": { zh: "状态", en: "Status" },
    "col-count": { zh: "超时数", en: "Breaches" },
    "col-level-esc": { zh: "升级级别", en: "Escalation" },
    "col-ack": { zh: "确认", en: "Acknowledge" },
    ack: { zh: "确认处理", en: "Acknowledge" },
    "acked-by": { zh: "{who} 已确认 {at}", en: "Acknowledged by {who} at {at}" },
    "silences-title": { zh: "静默", en: "Silences" },
    "silences-empty": { zh: "没有静默：超时会通知值班经理。", en: "No silence: breaches page the duty manager." },
    "silence-until": { zh: "静默到（本厅时间）", en: "Silence until (branch time)" },
    "silence-reason": { zh: "原因", en: "Reason" },
    "silence-submit": { zh: "静默本厅", en: "Silence this branch" },
    "silence-row": { zh: "{from}–{to}　{who}：{reason}", en: "{from}–{to}  {who}: {reason}" },
    "silence-done": { zh: "已静默到 {to}。", en: "Silenced until {to}." },
    "roster-title": { zh: "值班表", en: "Duty roster" },
    "roster-none": { zh: "本厅还没有值班表：超时无人接收通知。", en: "This branch has no duty roster: breaches page nobody." },
    "roster-escalation": { zh: "升级：片区经理 {area}，区域经理 {region}", en: "Escalation: area manager {area}, regional manager {region}" },
    minutes: { zh: "{n} 分钟", en: "{n} min" },
    "under-a-minute": { zh: "<1 分钟", en: "<1 min" },
    "every-day": { zh: "每天", en: "Every day" },
    "day.MONDAY": { zh: "周一", en: "Mon" }, "day.TUESDAY": { zh: "周二", en: "Tue" }, "day.WEDNESDAY": { zh: "周三", en: "Wed" },
    "day.THURSDAY": { zh: "周四", en: "Thu" }, "day.FRIDAY": { zh: "周五", en: "Fri" }, "day.SATURDAY": { zh: "周六", en: "Sat" },
    "day.SUNDAY": { zh: "周日", en: "Sun" },
    "average-of": { zh: "{n} 分钟 / 标准 {limit} 分钟", en: "{n} min / standard {limit} min" },
    "delayed": { zh: "部分数据延迟 {n} 秒，超时判断会稍晚但不会误报。", en: "Some data is {n} s late: breaches come later, never falsely." },
    "rule.WAIT": { zh: "等候超时", en: "Wait" },
    "rule.HANDLING": { zh: "办理超时", en: "Handling" },
    "rule.BRANCH_AVERAGE_WAIT": { zh: "全厅平均等候", en: "Branch average wait" },
    "level.WARNING": { zh: "预警", en: "Warning" },
    "level.BREACH": { zh: "超时", en: "Breach" },
    "status.OPEN": { zh: "待处理", en: "Open" },
    "status.ACKNOWLEDGED": { zh: "已确认", en: "Acknowledged" },
    "status.QUIET": { zh: "静默中", en: "Silenced" },
    "status.UNROUTED": { zh: "无人接收", en: "Nobody paged" },
    "whole-branch": { zh: "全厅", en: "Whole branch" },
    "err.ack-gone": { zh: "这条告警已经不需要确认了（已被确认或已结束）。", en: "This alert no longer needs acknowledging (already acknowledged or over)." },
    "err.silence": { zh: "静默没有设置成功：最长 12 小时，并请填写原因。", en: "The silence was not set: at most 12 hours, and give a reason." },
    "err.monitor": { zh: "暂时读不到服务监控数据，稍后会自动重试。", en: "The service monitor cannot be reached now; retrying shortly." },
    "err.duty-only": { zh: "只有本厅的值班经理可以确认告警或设置静默。", en: "Only the branch's duty manager can acknowledge alerts or set a silence." },
    "read-only": { zh: "您以经理身份查看：确认告警和设置静默由本厅值班经理操作。", en: "You are viewing as a manager: the branch's duty manager acknowledges alerts and sets silences." },
    "by-duty": { zh: "待值班经理确认", en: "For the duty manager" },
  });

  const fill = Screen.fill;
  function showError(key) {
    $("error").textContent = Screen.t(key);
    $("error").dataset.key = key;
    $("error").hidden = false;
  }
  function clearError() {
    $("error").hidden = true;
    $("error").dataset.key = "";
  }
  function typeName(code) {
    if (!code) return Screen.t("whole-branch");
    const t = types[code];
    return t ? (Screen.lang === "zh" ? t.nameZh : t.name) : code;
  }
  function when(instant) {
    return instant ? Screen.time(instant, zone) : "—";
  }
  function minutes(seconds) {
    return fill("minutes", { n: Math.floor(Math.max(0, seconds) / 60) });
  }

  // A chime per new finding (three notes for a breach), counted in the page for the tests.
  function chime(breach) {
    document.body.dataset.chimes = String(Number(document.body.dataset.chimes) + 1);
    sound.tones(breach ? [[988, 0], [784, 0.25], [988, 0.5]] : [[784, 0], [659.25, 0.3]], 0.45);
  }

  function overOf(f) {
    if (typeof f.minutesOver === "number") return f.minutesOver;
    const over = f.actualSeconds - f.limitSeconds;
    return over <= 0 ? 0 : Math.ceil(over / 60);
  }

  /** The open findings to list: a ticket's warning goes once its breach of the same rule is there (the monitor keeps both open). */
  function listed() {
    const breached = new Set(Array.from(findings.values()).filter(f => f.level === "BREACH" && f.ticketNumber)
      .map(f => f.rule + "|" + f.ticketNumber));
    return Array.from(findings.values()).filter(f => !(f.level === "WARNING" && f.ticketNumber && breached.has(f.rule + "|" + f.ticketNumber)));
  }

  function renderFindings() {
    const rows = listed()
      .sort((a, b) => (a.level === b.level ? (b.detectedAt > a.detectedAt ? 1 : -1) : (a.level === "BREACH" ? -1 : 1)))
      .map(f => Screen.el("tr", { "data-breach-id": f.breachId, "data-level": f.level, "data-ticket": f.ticketNumber || "",
          "data-rule": f.rule, class: fresh.has(f.breachId) ? "fresh" : "" },
        Screen.el("td", {}, Screen.el("span", { class: "level " + f.level }, Screen.t("level." + f.level))),
        Screen.el("td", { class: "ticket" }, f.ticketNumber || "—"),
        Screen.el("td", {}, typeName(f.businessType)),
        Screen.el("td", {}, Screen.t("rule." + f.rule)),
        Screen.el("td", { class: "over" }, f.level !== "BREACH" ? "—" : overOf(f) === 0 ? Screen.t("under-a-minute") : fill("minutes", { n: overOf(f) })),
        Screen.el("td", {}, when(f.detectedAt))));
    $("findings").replaceChildren(...rows);
    $("findings-empty").hidden = rows.length > 0;
    document.body.dataset.findings = String(rows.length);
  }

  async function loadFindings() {
    const r = await Screen.api("GET", "/api/v1/breaches?status=OPEN&size=200&branchId=" + enc);
    if (!r.ok) { showError(r.key === "err.busy" || r.status === 0 ? "err.monitor" : r.key); return; }
    // What the monitor says is open now; anything pushed meanwhile stays (the push is newer).
    const next = new Map();
    (r.body.items || r.body.content || r.body || []).forEach(f => next.set(f.breachId, f));
    findings.forEach((f, id) => { if (fresh.has(id)) next.set(id, f); });
    findings = next;
    renderFindings();
  }

  function renderAlerts() {
    const rows = alerts.map(a => {
      const action = a.status === "OPEN" && !acts() ? Screen.t("by-duty") : a.status === "OPEN"
        ? Screen.el("button", { type: "button", class: "btn primary ack", "data-alert-id": a.alertId }, Screen.t("ack"))
        : (a.ackedBy ? fill("acked-by", { who: a.ackedBy, at: when(a.ackedAt) }) : "—");
      return Screen.el("tr", { "data-alert-id": a.alertId, "data-status": a.status, "data-acked-by": a.ackedBy || "" },
        Screen.el("td", {}, when(a.createdAt)),
        Screen.el("td", {}, Screen.t("status." + a.status)),
        Screen.el("td", { class: "num" }, a.breaches),
        Screen.el("td", { class: "num" }, a.level),
        Screen.el("td", {}, action));
    });
    $("alerts").replaceChildren(...rows);
    $("alerts-empty").hidden = rows.length > 0;
  }

  async function loadAlerts() {
    const [open, acked] = await Promise.all([
      Screen.api("GET", "/api/v1/alerts?status=OPEN&branchId=" + enc),
      Screen.api("GET", "/api/v1/alerts?status=ACKNOWLEDGED&branchId=" + enc)]);
    if (!open.ok) { showError(open.status === 0 || open.key === "err.busy" ? "err.monitor" : open.key); return; }
    alerts = [...open.body, ...(acked.ok ? acked.body.slice(0, 10) : [])];
    renderAlerts();
  }

  async function acknowledge(button) {
    button.disabled = true;
    const r = await Screen.api("POST", "/api/v1/alerts/" + encodeURIComponent(button.dataset.alertId) + "/ack", { by: me.subject });
    if (!r.ok) showError(r.status === 409 ? "err.ack-gone" : r.status === 403 ? "err.duty-only" : r.key); else clearError();
    await loadAlerts();
  }

  /** The instant of wall time hh:mm in the branch's zone, the next one from now. */
  function nextInstant(hhmm) {
    const offset = at => {
      const p = {};
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at).forEach(x => { p[x.type] = x.value; });
      return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - at.getTime();
    };
    const now = new Date();
    const local = new Date(now.getTime() + offset(now));
    const [h, m] = hhmm.split(":").map(Number);
    let wall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, m);
    let instant = wall - offset(new Date(wall));
    if (instant <= now.getTime()) instant += 24 * 3600 * 1000;
    return new Date(instant);
  }

  function renderSilences(list) {
    $("silences").replaceChildren(...list.map(s => Screen.el("li", { "data-silence-id": s.silenceId },
      fill("silence-row", { from: when(s.startsAt), to: when(s.endsAt), who: s.createdBy, reason: s.reason || "" }))));
    $("silences-empty").hidden = list.length > 0;
  }
  async function loadSilences() {
    const r = await Screen.api("GET", "/api/v1/branches/" + enc + "/alert-silences");
    if (r.ok) renderSilences(r.body);
  }
  async function silence(e) {
    e.preventDefault();
    const endsAt = nextInstant($("silence-until").value);
    const r = await Screen.api("POST", "/api/v1/branches/" + enc + "/alert-silences",
      { endsAt: endsAt.toISOString(), createdBy: me.subject, reason: $("silence-reason").value.trim() });
    if (!r.ok) { showError(r.status === 400 ? "err.silence" : r.status === 403 ? "err.duty-only" : r.key); return; }
    clearError();
    $("silence-reason").value = "";
    await loadSilences();
    loadAlerts();
  }

  function person(p) {
    const zh = Screen.lang === "zh";
    return p ? p.staffId + (p.channels && p.channels.length
      ? (zh ? "（" : " (") + p.channels.map(c => c.type + " " + c.address).join(zh ? "，" : ", ") + (zh ? "）" : ")") : "") : "—";
  }
  function days(list) {
    return (list || []).length === 7 ? Screen.t("every-day") : (list || []).map(d => Screen.t("day." + d)).join(Screen.lang === "zh" ? "、" : " ");
  }
  async function loadRoster() {
    const r = await Screen.api("GET", "/api/v1/branches/" + enc + "/duty-roster");
    if (!r.ok) {
      $("roster").replaceChildren(Screen.el("p", { class: "hint" }, Screen.t(r.status === 404 ? "roster-none" : "err.monitor")));
      return;
    }
    // Numbers stay as the monitor gives them: masked.
    const shifts = (r.body.shifts || []).map(s => Screen.el("p", { class: "roster-shift" },
      days(s.days) + " " + s.from + "–" + s.to + (Screen.lang === "zh" ? "：" : ": ") + (s.managers || []).map(person).join(Screen.lang === "zh" ? "；" : "; ")));
    const esc = r.body.escalation || {};
    $("roster").replaceChildren(...shifts, Screen.el("p", { class: "hint" },
      fill("roster-escalation", { area: person(esc.areaManager), region: person(esc.regionalManager) })));
  }

  async function loadStatus() {
    const r = await Screen.api("GET", "/api/v1/branches/" + enc + "/sla-status");
    if (!r.ok) { showError(r.status === 0 || r.key === "err.busy" ? "err.monitor" : r.key); return; }
    if ($("error").dataset.key === "err.monitor") clearError();
    const s = r.body;
    $("st-waiting").textContent = s.waitingNow;
    $("st-oldest").textContent = minutes(s.oldestWaitSeconds);
    const avg = s.rollingAverage || {};
    $("st-average").textContent = fill("average-of", { n: Math.round((avg.meanWaitSeconds || 0) / 60), limit: Math.round((avg.limitSeconds || 900) / 60) });
    $("st-average-box").classList.toggle("over", !!avg.breached);
    $("status").dataset.breached = String(!!avg.breached);
    $("st-breaches").textContent = s.openBreaches;
    $("st-warnings").textContent = s.openWarnings;
    $("st-delayed").hidden = !s.delayed;
    if (s.delayed) $("st-delayed").textContent = fill("delayed", { n: s.delayed.seconds });
  }
  function statusSoon() {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(loadStatus, 300);
  }

  function connect() {
    const events = new EventSource("/duty/" + enc + "/events");
    events.addEventListener("open", () => { $("conn").hidden = true; });
    events.addEventListener("error", () => { $("conn").hidden = false; });
    events.addEventListener("finding", e => {
      const f = JSON.parse(e.data);
      const isNew = !findings.has(f.breachId);
      findings.set(f.breachId, f);
      fresh.add(f.breachId);
      // Highlighted while new; by then the monitor's list has it too.
      setTimeout(() => { fresh.delete(f.breachId); renderFindings(); }, 10000);
      renderFindings();
      if (isNew) chime(f.level === "BREACH");
      statusSoon();
      // The breach's alert is made by the monitor's alerting right after: read the alerts again shortly.
      if (f.level === "BREACH") { setTimeout(loadAlerts, 1500); setTimeout(loadAlerts, 5000); }
    });
    events.addEventListener("cleared", e => {
      const f = JSON.parse(e.data);
      // The customer was called or served: the ticket's warning of the same rule is over too.
      const gone = findings.get(f.breachId);
      findings.delete(f.breachId);
      fresh.delete(f.breachId);
      if (gone && gone.ticketNumber) {
        findings.forEach((w, id) => { if (w.ticketNumber === gone.ticketNumber && w.rule === gone.rule) { findings.delete(id); fresh.delete(id); } });
      }
      renderFindings();
      statusSoon();
    });
  }

  function tick() {
    $("clock").textContent = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
      timeZone: zone }).format(new Date());
  }

  function rerender() {
    Screen.apply();
    renderFindings();
    renderAlerts();
    loadSilences();
    loadRoster();
    loadStatus();
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Screen.apply();
    $("lang").addEventListener("click", () => { Screen.toggle(); rerender(); });
    $("alerts").addEventListener("click", e => { const b = e.target.closest("button.ack"); if (b) acknowledge(b); });
    $("silence-form").addEventListener("submit", silence);
    sound = Screen.sound($("sound"));
    const [session, b, catalogue] = await Promise.all([Screen.api("GET", "/session"), Screen.api("GET", "/api/v1/branches/" + enc),
      Screen.api("GET", "/api/v1/business-types")]);
    me = session.ok ? session.body : { subject: "", roles: [] };
    $("who").textContent = me.subject;
    $("silence-form").hidden = !acts();
    $("read-only").hidden = acts();
    if (b.ok) { $("branch-name").textContent = b.body.name; zone = b.body.timeZone || zone; }
    if (catalogue.ok) catalogue.body.forEach(t => { types[t.code] = t; });
    tick();
    setInterval(tick, 1000);
    connect();
    await Promise.all([loadFindings(), loadAlerts(), loadSilences(), loadRoster(), loadStatus()]);
    document.body.dataset.state = "ready";
    // Every 15 s beside the push: the status, and what the monitor closed without an event (a warning that ended).
    setInterval(() => { loadStatus(); loadFindings(); loadAlerts(); loadSilences(); }, 15000);
  });
})();
