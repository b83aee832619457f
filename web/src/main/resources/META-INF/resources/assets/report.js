// A branch's day report: the day's customers (the queue), the SLA report against the standard (the
// monitor), the wait estimate's accuracy and the staffing per hour (the queue), and every clerk's
// daily report (the counters), each read through this origin with the person's own token.
"use strict";
(() => {
  const branch = Screen.branchFromPath();
  const enc = encodeURIComponent(branch);
  const $ = id => document.getElementById(id);
  let types = {};
  let last = null;

  Screen.define({
    title: { zh: "营业厅日报", en: "Branch day report" },
    lang: { zh: "English", en: "中文" },
    back: { zh: "返回看板", en: "Back to the board" },
    date: { zh: "日期", en: "Date" },
    show: { zh: "查看", en: "Show" },
    "day-title": { zh: "当日客户", en: "The day's customers" },
    "sla-title": { zh: "服务标准达标情况", en: "Against the service standard" },
    "eta-title": { zh: "预计等候准确度", en: "Wait estimate accuracy" },
    "staffing-title": { zh: "各时段人手", en: "Staffing per hour" },
    "clerks-title": { zh: "柜员日报", en: "Clerks' daily reports" },
    "clerks-empty": { zh: "这一天没有柜员在本厅办理业务。", en: "No clerk served at this branch that day." },
    issued: { zh: "取号", en: "Issued" }, served: { zh: "已办理", en: "Served" }, noShow: { zh: "过号", en: "No-shows" },
    cancelled: { zh: "取消", en: "Cancelled" }, notServed: { zh: "闭厅未办理", en: "Not served at closing" }, open: { zh: "进行中", en: "Still open" },
    remoteTaken: { zh: "网上取号", en: "Remote tickets" }, remoteCheckedIn: { zh: "网上取号签到", en: "Remote checked in" },
    appointmentsBooked: { zh: "预约", en: "Appointments" }, appointmentsCheckedIn: { zh: "预约签到", en: "Appointments checked in" },
    appointmentsNoShow: { zh: "预约未到", en: "Appointment no-shows" },
    "col-type": { zh: "业务", en: "Service" }, "col-customers": { zh: "客户", en: "Customers" },
    "col-wait-within": { zh: "等候达标率", en: "Waits within limit" }, "col-wait-over": { zh: "等候超时", en: "Waits over limit" },
    "col-handling-within": { zh: "办理达标率", en: "Services within limit" }, "col-not-served": { zh: "未办理", en: "Not served" },
    "col-predicted": { zh: "预告超时 / 避免", en: "Breach told / avoided" },
    "col-hour": { zh: "时段", en: "Hour" }, "col-arrivals": { zh: "预计到达", en: "Arrivals expected" },
    "col-needed": { zh: "需要窗口", en: "Counters needed" }, "col-open-now": { zh: "现开窗口", en: "Counters open now" },
    "col-verdict": { zh: "结论", en: "Verdict" },
    "col-clerk": { zh: "柜员", en: "Clerk" }, "col-served": { zh: "办理", en: "Served" }, "col-over-limit": { zh: "办理超时", en: "Over limit" },
    "col-no-shows": { zh: "过号", en: "No-shows" }, "col-types": { zh: "各业务（平均 / P90 办理时长）", en: "Per service (mean / p90 handling)" },
    "col-paused": { zh: "暂停", en: "Paused" },
    all: { zh: "合计", en: "All" },
    understaffed: { zh: "人手不足", en: "Understaffed" }, enough: { zh: "够用", en: "Enough" },
    "average-breaches": { zh: "全厅滚动平均等候超标 {n} 次。", en: "The branch's rolling average wait went over its limit {n} times." },
    eta: { zh: "{n} 位客户：平均误差 {mae} 分钟，{share} 在 ±3 分钟内（早先公式：{bmae} 分钟，{bshare}）。",
      en: "{n} customers: mean error {mae} min, {share} within ±3 min (the earlier formula: {bmae} min, {bshare})." },
    "eta-none": { zh: "这一天还没有叫号的客户。", en: "No customer called that day yet." },
    "state.NOT_OPEN_YET": { zh: "尚未开门", en: "Not open yet" }, "state.OPEN": { zh: "营业中", en: "Open" },
    "state.CLOSING": { zh: "正在闭厅", en: "Closing" }, "state.CLOSED": { zh: "已闭厅", en: "Closed" },
    "hours": { zh: "营业时间 {from}–{to}", en: "Opening hours {from}–{to}" },
    "reason.BREAK": { zh: "休息", en: "Break" }, "reason.TRAINING": { zh: "培训", en: "Training" },
    "reason.SUPERVISOR": { zh: "主管事务", en: "Supervisor" },
    "reason.OTHER": { zh: "其他", en: "Other" },
    sec: { zh: "{n} 秒", en: "{n} s" }, min: { zh: "{n} 分钟", en: "{n} min" },
    "err.date": { zh: "日期格式不对。", en: "That date is not valid." },
  });

  const fill = Screen.fill;
  const pct = x => x == null ? "—" : (Math.round(x * 1000) / 10) + "%";
  const mins = s => Math.round(s / 6) / 10;
  function typeName(code) {
    if (code === "ALL") return Screen.t("all");
    const t = types[code];
    return t ? (Screen.lang === "zh" ? t.nameZh : t.name) : code;
  }
  function showError(key) {
    $("error").textContent = Screen.t(key);
    $("error").hidden = false;
  }

  function renderDay(day) {
    if (!day) { $("day").replaceChildren(); return; }
    $("day-state").textContent = Screen.t("state." + day.state) + " · " + fill("hours", { from: String(day.regularOpensAt).slice(0, 5),
      to: String(day.regularClosesAt).slice(0, 5) });
    const figure = (k, v) => Screen.el("div", { "data-figure": k }, Screen.el("dt", {}, Screen.t(k)), Screen.el("dd", {}, v));
    // Customers who came through an online channel first: only the checked-in ones are among the day's tickets.
    const before = day.beforeArrival || {};
    $("day").replaceChildren(...["issued", "served", "noShow", "cancelled", "notServed", "open"].map(k => figure(k, day.tickets[k])),
      ...["remoteTaken", "remoteCheckedIn", "appointmentsBooked", "appointmentsCheckedIn", "appointmentsNoShow"]
        .filter(k => k in before).map(k => figure(k, before[k])));
  }

  function renderSla(report) {
    const lines = report ? [...report.byBusinessType, report.total] : [];
    $("sla").replaceChildren(...lines.map(t => Screen.el("tr", { "data-type": t.businessType, class: t.businessType === "ALL" ? "total" : "" },
      Screen.el("th", { scope: "row" }, typeName(t.businessType)),
      Screen.el("td", { class: "num" }, t.customers),
      Screen.el("td", { class: "num" }, pct(t.waitWithinLimitShare)),
      Screen.el("td", { class: "num" }, t.waitOverLimit),
      Screen.el("td", { class: "num" }, pct(t.handlingWithinLimitShare)),
      Screen.el("td", { class: "num" }, t.notServed),
      Screen.el("td", { class: "num" }, t.breachPredicted + " / " + t.breachesAvoided))));
    $("average-breaches").textContent = report ? fill("average-breaches", { n: report.branchAverageBreaches }) : "";
  }

  function renderEta(eta) {
    const f = eta && eta.total && eta.total.forecast;
    if (!f || !f.called) { $("eta").textContent = Screen.t("eta-none"); return; }
    const b = eta.total.basic;
    $("eta").textContent = fill("eta", { n: f.called, mae: mins(f.meanAbsoluteErrorSeconds), share: pct(f.withinToleranceShare),
      bmae: b ? mins(b.meanAbsoluteErrorSeconds) : "—", bshare: b ? pct(b.withinToleranceShare) : "—" });
  }

  function renderStaffing(s) {
    $("staffing").replaceChildren(...(s ? s.hours : []).map(h => Screen.el("tr", { "data-hour": String(h.hour).slice(0, 5), "data-understaffed": String(h.understaffed) },
      Screen.el("th", { scope: "row" }, String(h.hour).slice(0, 5)),
      Screen.el("td", { class: "num" }, h.arrivalsExpected),
      Screen.el("td", { class: "num" }, h.countersNeeded),
      Screen.el("td", { class: "num" }, h.countersOpen),
      Screen.el("td", { class: h.understaffed ? "short" : "" }, Screen.t(h.understaffed ? "understaffed" : "enough")))));
  }

  function renderClerks(c) {
    const list = c ? c.clerks : [];
    $("clerk-rows").replaceChildren(...list.map(r => Screen.el("tr", { "data-clerk": r.clerkId, "data-served": r.served },
      Screen.el("th", { scope: "row" }, r.clerkId),
      Screen.el("td", { class: "num" }, r.served),
      Screen.el("td", { class: "num" }, r.overLimit),
      Screen.el("td", { class: "num" }, r.noShows),
      Screen.el("td", {}, r.businessTypes.map(t => typeName(t.businessType) + " " + t.served + "（" + fill("sec", { n: Math.round(t.meanHandlingSeconds) })
        + " / " + fill("sec", { n: t.p90HandlingSeconds }) + "）").join(Screen.lang === "zh" ? "；" : "; ")),
      Screen.el("td", {}, Object.entries(r.pausedMinutesByReason || {}).map(([k, v]) => Screen.t("reason." + k) + " " + fill("min", { n: v }))
        .join(Screen.lang === "zh" ? "；" : "; ") || "—"))));
    $("clerks-empty").hidden = list.length > 0;
  }

  function render() {
    if (!last) return;
    renderDay(last.day); renderSla(last.sla); renderEta(last.eta); renderStaffing(last.staffing); renderClerks(last.clerks);
  }

  async function load(date) {
    const q = "?date=" + encodeURIComponent(date);
    const [day, sla, eta, staffing, clerks] = await Promise.all([
      Screen.api("GET", "/api/v1/branches/" + enc + "/service-day" + q),
      Screen.api("GET", "/api/v1/branches/" + enc + "/sla-report" + q),
      Screen.api("GET", "/api/v1/branches/" + enc + "/eta-accuracy" + q),
      Screen.api("GET", "/api/v1/branches/" + enc + "/staffing" + q),
      Screen.api("GET", "/api/v1/branches/" + enc + "/clerk-reports" + q)]);
    const failed = [day, sla, eta, staffing, clerks].find(r => !r.ok);
    if (failed) showError(failed.status === 400 ? "err.date" : failed.key); else $("error").hidden = true;
    last = { day: day.ok ? day.body : null, sla: sla.ok ? sla.body : null, eta: eta.ok ? eta.body : null,
      staffing: staffing.ok ? staffing.body : null, clerks: clerks.ok ? clerks.body : null };
    render();
    document.body.dataset.date = date;
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Screen.apply();
    $("lang").addEventListener("click", () => { Screen.toggle(); render(); });
    const [b, catalogue, today] = await Promise.all([Screen.api("GET", "/api/v1/branches/" + enc), Screen.api("GET", "/api/v1/business-types"),
      Screen.api("GET", "/api/v1/branches/" + enc + "/service-day")]);
    if (b.ok) $("branch-name").textContent = b.body.name;
    if (catalogue.ok) catalogue.body.forEach(t => { types[t.code] = t; });
    // The day asked for in the address, else the branch's service day now (its own clock, its own zone).
    const asked = new URLSearchParams(location.search).get("date");
    const date = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today.ok ? today.body.serviceDay : null;
    if (!date) { showError(today.key || "err.other"); document.body.dataset.state = "error"; return; }
    $("date").value = date;
    $("day-form").addEventListener("submit", e => {
      e.preventDefault();
      history.replaceState(null, "", location.pathname + "?date=" + $("date").value + location.hash);
      load($("date").value);
    });
    await load(date);
    document.body.dataset.state = "ready";
    if (location.hash === "#clerks") $("clerks").scrollIntoView();
  });
})();
