// The branch board: every branch of the sign-in with its queue, waits against the 15-minute standard,
// the day's breaches, its counters and the staffing advice, read from the services through this
// origin every few seconds. Managers see here what Grafana shows where it runs.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  let branches = [];
  const rows = new Map(); // branchId -> last figures
  let refreshing = false;

  Screen.define({
    title: { zh: "营业厅看板", en: "Branch board" },
    lang: { zh: "English", en: "中文" },
    "board-title": { zh: "各营业厅服务状况", en: "Service in every branch" },
    "col-branch": { zh: "营业厅", en: "Branch" },
    "col-state": { zh: "状态", en: "State" },
    "col-waiting": { zh: "等候", en: "Waiting" },
    "col-oldest": { zh: "最长等候", en: "Longest wait" },
    "col-average": { zh: "滚动平均等候", en: "Rolling average wait" },
    "col-breaches-today": { zh: "今日超时", en: "Breaches today" },
    "col-open": { zh: "未结超时 / 预警", en: "Open breaches / warnings" },
    "col-counters": { zh: "窗口 开放 / 暂停 / 服务中", en: "Counters open / paused / serving" },
    "col-staffing": { zh: "人手建议", en: "Staffing advice" },
    "col-links": { zh: "报表", en: "Reports" },
    empty: { zh: "此账号没有可查看的营业厅。", en: "This sign-in covers no branch." },
    "legend-ok": { zh: "达标", en: "Within standard" },
    "legend-amber": { zh: "注意", en: "Watch" },
    "legend-red": { zh: "超标", en: "Over standard" },
    legend: { zh: "对照服务标准：等候不超过 15 分钟，滚动平均等候不超过其限值。", en: "Against the standard: no wait over 15 minutes, the rolling average within its limit." },
    "state.ok": { zh: "达标", en: "Within standard" },
    "state.amber": { zh: "注意", en: "Watch" },
    "state.red": { zh: "超标", en: "Over standard" },
    "state.unknown": { zh: "暂无数据", en: "No data" },
    "day-report": { zh: "日报", en: "Day report" },
    "clerk-reports": { zh: "柜员日报", en: "Clerks' reports" },
    "duty": { zh: "值班台", en: "Duty console" },
    minutes: { zh: "{n} 分钟", en: "{n} min" },
    "average-of": { zh: "{n} / {limit} 分钟", en: "{n} / {limit} min" },
    "staff-now": { zh: "本时段需 {need} 个窗口，开放 {open} 个", en: "This hour needs {need} counters, {open} open" },
    "staff-next-short": { zh: "下一时段人手不足（需 {need}）", en: "Next hour understaffed (needs {need})" },
    "staff-none": { zh: "—", en: "—" },
    summary: { zh: "{n} 个营业厅，{red} 个超标，{amber} 个需注意 · 更新于 {at}", en: "{n} branches, {red} over standard, {amber} to watch · updated {at}" },
    "err.some": { zh: "部分营业厅的数据暂时读不到，稍后自动重试。", en: "Some branches cannot be read now; retrying shortly." },
  });

  const fill = Screen.fill;
  const minutes = s => fill("minutes", { n: Math.floor(Math.max(0, s || 0) / 60) });

  /** YYYY-MM-DD of an instant in a zone. */
  function localDate(instant, zone) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
  }
  function localHour(instant, zone) {
    return Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(new Date(instant)));
  }

  /**
   * The colour against the standard: red when a customer waits past the limit, the rolling average
   * is past its limit or a breach is open; amber when a warning is open, a wait or the average is
   * past 80 % of its limit, or the next hour is forecast understaffed; else within the standard.
   */
  function colour(f) {
    if (!f.status) return "unknown";
    const s = f.status;
    const avg = s.rollingAverage || {};
    const waitLimit = (f.staffing && f.staffing.waitLimitSeconds) || 900;
    if (avg.breached || s.openBreaches > 0 || s.oldestWaitSeconds > waitLimit) return "red";
    if (s.openWarnings > 0 || s.oldestWaitSeconds > 0.8 * waitLimit || (avg.limitSeconds && avg.meanWaitSeconds > 0.8 * avg.limitSeconds)
      || (f.advice && f.advice.nextShort)) return "amber";
    return "ok";
  }

  function breachesToday(report) {
    if (!report) return null;
    const t = report.total || {};
    return (t.waitOverLimit || 0) + Math.max(0, (t.served || 0) - (t.handlingWithinLimit || 0)) + (report.branchAverageBreaches || 0);
  }

  function advice(staffing, asOf, zone) {
    if (!staffing || !staffing.hours || !asOf) return null;
    const h = localHour(asOf, zone);
    const hourOf = x => Number(String(x.hour).slice(0, 2));
    const now = staffing.hours.find(x => hourOf(x) === h);
    const next = staffing.hours.find(x => hourOf(x) === h + 1);
    return { need: now ? now.countersNeeded : null, open: staffing.countersOpenNow, nextShort: !!(next && next.understaffed),
      nextNeed: next ? next.countersNeeded : null };
  }

  // The day's report and the staffing plan are computed per request from the whole day and weeks of history, and
  // move slowly: read again once a minute, while the live status and the counters are read every refresh.
  const SLOW_MS = 60000;
  const slow = new Map(); // branchId -> { at, date, report, staffing }

  async function slowReads(b, enc, date) {
    const last = slow.get(b.id);
    if (last && last.date === date && Date.now() - last.at < SLOW_MS) return last;
    const [report, staffing] = await Promise.all([
      Screen.api("GET", "/api/v1/branches/" + enc + "/sla-report?date=" + date),
      Screen.api("GET", "/api/v1/branches/" + enc + "/staffing")]);
    const read = { at: Date.now(), date, ok: report.ok, report: report.ok ? report.body : null, staffing: staffing.ok ? staffing.body : null };
    if (read.ok) slow.set(b.id, read);
    return read;
  }

  async function read(b) {
    const enc = encodeURIComponent(b.id);
    const [status, counters] = await Promise.all([
      Screen.api("GET", "/api/v1/branches/" + enc + "/sla-status"),
      Screen.api("GET", "/api/v1/branches/" + enc + "/counters")]);
    const f = { branch: b, ok: status.ok && counters.ok };
    if (status.ok) {
      f.status = status.body;
      const s = await slowReads(b, enc, localDate(f.status.asOf, b.timeZone));
      f.report = s.report;
      f.staffing = s.staffing;
      f.ok = f.ok && s.ok;
    }
    if (counters.ok) {
      const n = st => counters.body.filter(c => c.status === st).length;
      f.counters = { open: n("OPEN"), paused: n("PAUSED"), serving: n("SERVING") };
    }
    f.advice = advice(f.staffing, f.status && f.status.asOf, b.timeZone);
    return f;
  }

  function link(href, key) {
    return Screen.el("a", { href, class: "link" }, Screen.t(key));
  }

  function row(f) {
    const b = f.branch;
    const enc = encodeURIComponent(b.id);
    const c = colour(f);
    const s = f.status;
    const avg = s ? s.rollingAverage || {} : null;
    const today = breachesToday(f.report);
    const staff = f.advice && f.advice.need != null
      ? [fill("staff-now", { need: f.advice.need, open: f.advice.open }),
         ...(f.advice.nextShort ? [Screen.el("br"), Screen.el("span", { class: "short" }, fill("staff-next-short", { need: f.advice.nextNeed }))] : [])]
      : [Screen.t("staff-none")];
    return Screen.el("tr", { "data-branch": b.id, "data-colour": c, "data-waiting": s ? s.waitingNow : "",
        "data-breaches-today": today == null ? "" : today, "data-serving": f.counters ? f.counters.serving : "",
        "data-open-counters": f.counters ? f.counters.open : "" },
      Screen.el("th", { scope: "row" }, Screen.el("span", { class: "branch-name" }, b.name || b.id), Screen.el("br"),
        Screen.el("small", {}, b.id)),
      Screen.el("td", {}, Screen.el("span", { class: "state state-" + c }, Screen.t("state." + c))),
      Screen.el("td", { class: "num" }, s ? s.waitingNow : "—"),
      Screen.el("td", { class: "num" }, s ? minutes(s.oldestWaitSeconds) : "—"),
      Screen.el("td", { class: "num" + (avg && avg.breached ? " over" : "") }, avg
        ? fill("average-of", { n: Math.round((avg.meanWaitSeconds || 0) / 60), limit: Math.round((avg.limitSeconds || 900) / 60) }) : "—"),
      Screen.el("td", { class: "num" }, today == null ? "—" : today),
      Screen.el("td", { class: "num" }, s ? s.openBreaches + " / " + s.openWarnings : "—"),
      Screen.el("td", { class: "num" }, f.counters ? f.counters.open + " / " + f.counters.paused + " / " + f.counters.serving : "—"),
      Screen.el("td", { class: "staffing" }, ...staff),
      Screen.el("td", { class: "links" }, link("/report/" + enc, "day-report"), " · ", link("/report/" + enc + "#clerks", "clerk-reports"),
        " · ", link("/duty/" + enc, "duty")));
  }

  function render() {
    const list = branches.map(b => rows.get(b.id)).filter(Boolean);
    $("branches").replaceChildren(...list.map(row));
    $("empty").hidden = branches.length > 0;
    const colours = list.map(colour);
    $("summary").textContent = fill("summary", { n: branches.length, red: colours.filter(c => c === "red").length,
      amber: colours.filter(c => c === "amber").length, at: new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit",
        second: "2-digit", hour12: false }).format(new Date()) });
  }

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      // Four branches at a time: a province's board must not flood the services.
      const queue = branches.slice();
      let failed = false;
      const worker = async () => {
        for (let b = queue.shift(); b; b = queue.shift()) {
          const f = await read(b);
          failed = failed || !f.ok;
          rows.set(b.id, f);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      $("error").hidden = !failed;
      if (failed) $("error").textContent = Screen.t("err.some");
      render();
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes) + 1);
    } finally {
      refreshing = false;
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Screen.apply();
    $("lang").addEventListener("click", () => { Screen.toggle(); render(); });
    const [session, list] = await Promise.all([Screen.api("GET", "/session"), Screen.api("GET", "/api/v1/branches")]);
    $("who").textContent = session.ok ? session.body.subject : "";
    if (!list.ok) {
      $("error").textContent = Screen.t(list.key);
      $("error").hidden = false;
      document.body.dataset.state = "error";
      return;
    }
    branches = list.body;
    await refresh();
    document.body.dataset.state = "ready";
    // Every 5 s for a few branches, slower for many (a province's board reads each branch every 0.4 s × branches).
    setInterval(refresh, Math.max(5000, branches.length * 400));
  });
})();
