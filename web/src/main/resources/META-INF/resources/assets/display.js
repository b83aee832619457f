// The hall display: the call now, the last calls, waiting per business type. Calls arrive by
// server push (SSE from the tickets topic), each with a chime and the spoken call in Chinese.
"use strict";
(() => {
  const branch = Screen.branchFromPath();
  const $ = id => document.getElementById(id);
  const enc = encodeURIComponent(branch);
  let types = {};
  let info = null;
  let calls = [];
  let sound = null;
  let refreshTimer = null;

  Screen.define({
    now: { zh: "请", en: "Now serving" },
    welcome: { zh: "欢迎光临", en: "Welcome" },
    last: { zh: "最近叫号", en: "Last calls" },
    waiting: { zh: "等候情况", en: "Waiting" },
    "col-type": { zh: "业务", en: "Service" },
    "col-waiting": { zh: "等候人数", en: "Waiting" },
    "col-wait": { zh: "预计等候", en: "Est. wait" },
    "col-next": { zh: "待叫号码", en: "Next" },
    sound: { zh: "点击开启叫号声音 / Enable sound", en: "Enable sound / 点击开启叫号声音" },
    reconnecting: { zh: "正在重新连接…", en: "Reconnecting…" },
    minutes: { zh: "{n} 分钟", en: "{n} min" },
  });

  // Sound: a WebAudio chime (synthesized here, nothing to download) and the browser's speech engine.
  function chime() {
    sound.tones([[880, 0], [659.25, 0.35]], 0.6);
  }
  function speak(text) {
    if (!("speechSynthesis" in window)) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = "zh-CN";
    u.rate = 0.9;
    setTimeout(() => window.speechSynthesis.speak(u), sound.blocked() ? 0 : 900);
  }

  function announce(call) {
    const text = call.spoken;
    // What is said is also in the page: for anyone who cannot hear it, and for tests.
    $("spoken").textContent = text;
    document.body.dataset.spoken = text;
    document.body.dataset.announcements = String(Number(document.body.dataset.announcements) + 1);
    chime();
    speak(text);
  }

  function typeName(code) {
    const t = types[code];
    return t ? (Screen.lang === "zh" ? t.nameZh : t.name) : code;
  }

  function renderNow() {
    const now = calls[0];
    $("now-idle").hidden = !!now;
    $("now-label").hidden = !now;
    $("now-ticket").hidden = !now;
    $("now-ticket").textContent = now ? now.ticketNumber : "—";
    $("now-counter").textContent = now ? (Screen.lang === "zh" ? "到 " + now.counter + " 号窗口" : "to counter " + now.counter) : "";
    $("now").dataset.ticket = now ? now.ticketNumber : "";
    $("now").dataset.counter = now ? now.counterId : "";
    const list = $("calls");
    list.replaceChildren(...calls.slice(1).map(c => Screen.el("li", { "data-ticket": c.ticketNumber },
      Screen.el("span", {}, c.ticketNumber), Screen.el("span", { class: "ctr" }, c.counter + (Screen.lang === "zh" ? " 号窗口" : "")))));
  }

  function flash() {
    const n = $("now");
    n.classList.remove("flash");
    void n.offsetWidth;
    n.classList.add("flash");
  }
  function flashEnded() {
    $("now").classList.remove("flash");
  }

  async function refreshQueue() {
    const q = await Screen.api("GET", "/api/v1/branches/" + enc + "/queue");
    if (!q.ok) return;
    const byType = {};
    q.body.businessTypes.forEach(t => { byType[t.businessType] = t; });
    const codes = Array.from(new Set([...(info ? info.businessTypes : []), ...Object.keys(byType)]));
    // The estimate for a type is the queue-service's own for its newest waiting ticket.
    const estimates = await Promise.all(codes.map(async code => {
      const t = byType[code];
      if (!t || !t.tickets.length) return 0;
      const last = t.tickets[t.tickets.length - 1];
      const r = await Screen.api("GET", "/api/v1/tickets/" + encodeURIComponent(last.ticketId));
      return r.ok ? r.body.estimatedWaitMinutes : null;
    }));
    const rows = codes.map((code, i) => {
      const t = byType[code] || { waiting: 0, tickets: [] };
      const est = estimates[i];
      return Screen.el("tr", { "data-type": code, "data-waiting": String(t.waiting) },
        Screen.el("td", {}, typeName(code)),
        Screen.el("td", { class: "num" }, t.waiting),
        Screen.el("td", {}, est == null || t.waiting === 0 ? "—" : Screen.t("minutes").replace("{n}", est)),
        Screen.el("td", { class: "next" }, t.tickets.slice(0, 4).map(x => x.number).join("  ")));
    });
    $("queue").replaceChildren(...rows);
    fitQueue();
  }

  // 1920x1080 and nothing scrolls: however many business types the hall offers, the table shrinks to fit its card.
  function fitQueue() {
    const table = $("queue").closest("table");
    const card = table.closest(".card");
    let rem = 1.9;
    table.style.fontSize = rem + "rem";
    while (card.scrollHeight > card.clientHeight && rem > 0.9) {
      rem = Math.round((rem - 0.1) * 10) / 10;
      table.style.fontSize = rem + "rem";
    }
    table.dataset.fontRem = String(rem);
  }

  function queueChanged() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshQueue, 200);
  }

  function connect() {
    const events = new EventSource("/display/" + enc + "/events");
    events.addEventListener("open", () => { $("conn").hidden = true; });
    events.addEventListener("error", () => { $("conn").hidden = false; });
    events.addEventListener("calls", e => {
      calls = JSON.parse(e.data).calls || [];
      renderNow();
    });
    events.addEventListener("call", e => {
      const call = JSON.parse(e.data);
      calls = [call, ...calls.filter(c => c.ticketNumber !== call.ticketNumber)].slice(0, 7);
      renderNow();
      flash();
      announce(call);
    });
    events.addEventListener("queue", queueChanged);
  }

  function tick() {
    $("clock").textContent = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
      timeZone: info ? info.timeZone : "Asia/Shanghai" }).format(new Date());
  }

  document.addEventListener("DOMContentLoaded", async () => {
    Screen.apply();
    $("now").addEventListener("animationend", flashEnded);
    // Autoplay rules: sound starts suspended until someone touches the screen once.
    sound = Screen.sound($("sound"));
    document.addEventListener("keydown", e => { if (e.key === "l") { Screen.toggle(); renderNow(); refreshQueue(); } });
    const [b, catalogue] = await Promise.all([Screen.api("GET", "/api/v1/branches/" + enc), Screen.api("GET", "/api/v1/business-types")]);
    if (b.ok) { info = b.body; $("branch-name").textContent = info.name; }
    if (catalogue.ok) catalogue.body.forEach(t => { types[t.code] = t; });
    tick();
    setInterval(tick, 1000);
    connect();
    refreshQueue();
    // A slow safety net beside the push (a missed event, a reconnect): the push is what keeps it live.
    setInterval(refreshQueue, 60000);
  });
})();
