// Shared by the screens: the language (zh-CN first, English by a switch), API calls through this
// origin, and every error turned into plain words. No library, nothing fetched from elsewhere.
"use strict";
const Screen = (() => {
  let lang = localStorage.getItem("hallwatch.lang") === "en" ? "en" : "zh";
  const words = {};

  function t(key) {
    const w = words[key];
    return w ? w[lang] : key;
  }
  function define(dict) { Object.assign(words, dict); }
  /** The text of {@code key} with each {name} replaced by values[name]. */
  function fill(key, values) {
    return Object.entries(values).reduce((s, [k, v]) => s.replace("{" + k + "}", v), t(key));
  }
  function apply(root) {
    (root || document).querySelectorAll("[data-t]").forEach(el => { el.textContent = t(el.dataset.t); });
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }
  function toggle() {
    lang = lang === "zh" ? "en" : "zh";
    localStorage.setItem("hallwatch.lang", lang);
    apply();
    document.dispatchEvent(new Event("hallwatch:lang"));
  }

  define({
    "err.closed": { zh: "本厅现在不办理业务", en: "The hall is closed now" },
    "err.type": { zh: "本厅暂不办理该业务，请咨询工作人员。", en: "This hall does not offer that service now. Please ask a member of staff." },
    "err.member": { zh: "会员号格式不对：请只输入会员卡上的字母和数字（不要输入手机号）。", en: "That member number is not valid: enter the letters and digits on the member card (not a phone number)." },
    "err.branch": { zh: "找不到这个营业厅，请联系工作人员。", en: "This branch is unknown. Please ask a member of staff." },
    "err.signin": { zh: "本机登录已过期，请联系工作人员重新登录。", en: "This device's sign-in has expired. Please ask a member of staff to sign in again." },
    "err.forbidden": { zh: "本机不能为这个营业厅办理。请联系工作人员。", en: "This device may not serve this branch. Please ask a member of staff." },
    "err.busy": { zh: "系统繁忙，请稍后再试。", en: "The system is busy. Please try again in a moment." },
    "err.network": { zh: "网络连接中断，请稍后再试或咨询工作人员。", en: "The connection is down. Try again shortly or ask a member of staff." },
    "err.other": { zh: "暂时无法办理，请咨询工作人员。", en: "This cannot be done right now. Please ask a member of staff." },
  });

  /** The plain-words key for a failed call: its problem type, else its status. */
  function problemKey(status, problem) {
    const slug = problem && typeof problem.type === "string" ? problem.type.replace(/^.*\/problems\//, "") : "";
    switch (slug) {
      case "branch-closed": return "err.closed";
      case "unknown-business-type": case "business-type-not-offered": return "err.type";
      case "validation": return "err.member";
      case "branch-not-found": return "err.branch";
      case "unauthenticated": return "err.signin";
      case "forbidden": return "err.forbidden";
      case "service-unavailable": case "queue-unavailable": return "err.busy";
    }
    if (status === 401) return "err.signin";
    if (status === 403) return "err.forbidden";
    if (status === 404) return "err.branch";
    if (status === 503 || status === 502 || status === 504) return "err.busy";
    return "err.other";
  }

  /** Calls the API through this origin. Resolves {ok, status, body, problem, key}; never throws. */
  async function api(method, path, body, headers) {
    const init = { method, headers: Object.assign({ Accept: "application/json" }, headers || {}), credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      return { ok: false, status: 0, key: "err.network" };
    }
    let parsed = null;
    const text = await res.text();
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
    if (res.ok) return { ok: true, status: res.status, body: parsed };
    return { ok: false, status: res.status, problem: parsed, key: problemKey(res.status, parsed) };
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
    });
    children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  /** The branch id of a /screen/{branch}/... address. */
  function branchFromPath() {
    return decodeURIComponent(location.pathname.split("/")[2] || "");
  }

  /** HH:mm of an instant in the branch's zone. */
  function time(instant, zone) {
    return new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: zone || "Asia/Shanghai" })
      .format(new Date(instant));
  }

  /**
   * A screen's sound (the hall display, the duty console): a WebAudio context, which browsers start
   * suspended until someone touches the screen once, so {@code prompt} shows exactly while sound is
   * blocked and a touch on it enables sound. {@code tones} plays [frequency, delay] pairs, each
   * {@code length} seconds long, synthesized here: nothing to download.
   */
  function sound(prompt) {
    const make = () => new (window.AudioContext || window.webkitAudioContext)();
    let audio = null;
    const blocked = () => !audio || audio.state !== "running";
    const update = () => { prompt.hidden = !blocked(); };
    try { audio = make(); } catch (e) { audio = null; }
    if (audio) audio.addEventListener("statechange", update);
    prompt.addEventListener("click", () => {
      try {
        audio = audio || make();
        audio.resume().then(update, update);
      } catch (e) { /* no audio device: the prompt stays */ }
      update();
    });
    update();
    function tones(notes, length) {
      if (blocked()) return;
      const t0 = audio.currentTime;
      notes.forEach(([f, d]) => {
        const o = audio.createOscillator();
        const g = audio.createGain();
        o.type = "sine";
        o.frequency.value = f;
        g.gain.setValueAtTime(0.0001, t0 + d);
        g.gain.exponentialRampToValueAtTime(0.4, t0 + d + 0.03);
        g.gain.exponentialRampToValueAtTime(0.0001, t0 + d + length);
        o.connect(g).connect(audio.destination);
        o.start(t0 + d);
        o.stop(t0 + d + length + 0.05);
      });
    }
    return { blocked, tones };
  }

  return { t, fill, define, apply, toggle, api, el, branchFromPath, time, sound, get lang() { return lang; } };
})();
