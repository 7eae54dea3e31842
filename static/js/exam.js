/* The exam page: autosave queue, navigator, one-at-a-time mode, countdown, integrity events.
 * Vanilla JS, no build step. The server is the authority on time and on what was saved: this
 * script only makes the page pleasant and makes sure nothing typed is lost on a flaky network. */
(function () {
  "use strict";

  var root = document.getElementById("exam");
  if (!root) return;
  var T = JSON.parse(document.getElementById("exam-strings").textContent);
  var csrf = root.querySelector("[name=csrfmiddlewaretoken]").value;
  var saveUrl = root.dataset.saveUrl;
  var eventUrl = root.dataset.eventUrl;
  var resultUrl = root.dataset.resultUrl;
  var articles = Array.prototype.slice.call(root.querySelectorAll(".question"));
  var byPosition = {};
  articles.forEach(function (a) { byPosition[a.dataset.position] = a; });
  var statusEl = document.getElementById("save-status");
  var messageEl = document.getElementById("exam-message");
  var submitForm = document.getElementById("submit-form");
  var dialog = document.getElementById("submit-dialog");

  var closed = false; // the server refused a save (409): the attempt is over
  var submitting = false;

  function fmt(template, value) { return template.replace("%s", value); }

  // ---- announcements -------------------------------------------------------------------------
  // Two live regions, written only when something settled: a screen reader hears each saved
  // answer once (not every keystroke's "saving…"), failures, the question shown, time warnings.
  var regions = {
    polite: document.getElementById("announce-polite"),
    assertive: document.getElementById("announce-assertive"),
  };
  function announce(text, assertive) {
    var region = assertive ? regions.assertive : regions.polite;
    // The same words twice in a row are still news: empty the region first, then fill it.
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }
  function clock(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString("zh-CN", { hour12: false });
  }

  // ---- responses -----------------------------------------------------------------------------
  function responseOf(article) {
    var type = article.dataset.type;
    if (type === "single" || type === "truefalse") {
      var checked = article.querySelector("input:checked");
      if (!checked) return null;
      return type === "truefalse" ? checked.value === "true" : checked.value;
    }
    if (type === "multiple") {
      var letters = Array.prototype.map.call(article.querySelectorAll("input:checked"), function (i) {
        return i.value;
      });
      return letters.length ? letters.sort().join("") : null;
    }
    if (type === "fill") {
      return Array.prototype.map.call(article.querySelectorAll("input[data-blank]"), function (i) {
        return i.value;
      });
    }
    return article.querySelector("textarea").value;
  }

  function isAnswered(response) {
    if (response === null || response === undefined) return false;
    if (Array.isArray(response)) return response.some(function (v) { return v.trim() !== ""; });
    if (typeof response === "string") return response.trim() !== "";
    return true;
  }

  function navButton(position) { return root.querySelector('[data-nav-position="' + position + '"]'); }

  // The button's name carries what its colour shows: "第 3 题，已答，已标记".
  function navLabel(position, answered, flagged) {
    var parts = [fmt(T.nav, position), answered ? T.answered : T.unanswered_mark];
    if (flagged) parts.push(T.flagged);
    return parts.join(T.separator);
  }

  function refreshMarks(article) {
    var answered = isAnswered(responseOf(article));
    var flagged = article.dataset.flagged === "true";
    article.dataset.answered = answered ? "true" : "false";
    var button = navButton(article.dataset.position);
    button.classList.toggle("is-answered", answered);
    button.classList.toggle("is-flagged", flagged);
    button.setAttribute("aria-label", navLabel(article.dataset.position, answered, flagged));
    document.getElementById("answered-count").textContent = String(answeredCount());
  }

  function answeredCount() {
    return articles.filter(function (a) { return a.dataset.answered === "true"; }).length;
  }

  function flaggedCount() {
    return articles.filter(function (a) { return a.dataset.flagged === "true"; }).length;
  }

  // ---- autosave queue ------------------------------------------------------------------------
  // Positions waiting to be sent; the payload is read from the page when it is sent, so the
  // latest answer always wins, and one request at a time keeps saves in order.
  var queue = [];
  var debounce = {};
  var inflight = null;
  var retryTimer = null;
  var retryDelay = 0;
  var lastSaved = null;
  var failing = false;

  function setState(position, state, text) {
    var el = byPosition[position].querySelector(".save-state");
    el.dataset.saveState = state;
    el.textContent = text;
  }

  function setGlobal(state, text) {
    statusEl.dataset.state = state;
    statusEl.textContent = text;
  }

  function refreshGlobal() {
    if (closed) return;
    if (failing) setGlobal("error", T.failed);
    else if (hasUnsaved()) setGlobal("saving", T.saving);
    else if (lastSaved) setGlobal("saved", fmt(T.saved, clock(lastSaved)));
  }

  function hasUnsaved() {
    return queue.length > 0 || inflight !== null || Object.keys(debounce).length > 0;
  }

  function enqueue(position) {
    if (closed) return;
    if (debounce[position]) {
      clearTimeout(debounce[position]);
      delete debounce[position];
    }
    if (queue.indexOf(position) === -1) queue.push(position);
    setState(position, "saving", T.saving);
    refreshGlobal();
    pump();
  }

  function enqueueLater(position) {
    if (closed) return;
    clearTimeout(debounce[position]);
    setState(position, "saving", T.saving);
    debounce[position] = setTimeout(function () {
      delete debounce[position];
      enqueue(position);
    }, 400);
    refreshGlobal();
  }

  function pump() {
    if (inflight !== null || retryTimer !== null || closed || queue.length === 0) {
      refreshGlobal();
      return;
    }
    var position = queue.shift();
    var article = byPosition[position];
    inflight = position;
    var payload = {
      position: Number(position),
      response: responseOf(article),
      flagged: article.dataset.flagged === "true",
    };
    fetch(saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
    })
      .then(function (response) {
        return response.json().then(
          function (data) { return { status: response.status, data: data }; },
          function () { return { status: response.status, data: null }; }
        );
      })
      .then(function (answer) { settle(position, answer.status, answer.data || {}); },
        function () { settle(position, 0, {}); });
  }

  function settle(position, status, data) {
    inflight = null;
    if (status === 200 && data.ok) {
      failing = false;
      retryDelay = 0;
      lastSaved = data.saved_at;
      if (queue.indexOf(position) === -1 && !debounce[position]) {
        setState(position, "saved", fmt(T.saved, clock(data.saved_at)));
      }
      // Announced once everything typed so far is on the server, not per request.
      if (!hasUnsaved()) announce(fmt(T.saved, clock(data.saved_at)), false);
    } else if (status === 409) {
      close(data.error);
      return;
    } else if (status === 400) {
      // The server will never take this answer: retrying would loop. Say so on the question.
      setState(position, "error", fmt(T.rejected, data.error || ""));
      announce(fmt(T.rejected, data.error || ""), true);
    } else {
      // Network down, server error, session expired: keep the answer and try again, slower.
      if (queue.indexOf(position) === -1) queue.unshift(position);
      setState(position, "error", T.failed);
      if (!failing) announce(T.failed, true); // once per outage, not once per retry
      failing = true;
      retryDelay = Math.min(retryDelay ? retryDelay * 2 : 1000, 30000);
      retryTimer = setTimeout(function () {
        retryTimer = null;
        pump();
      }, retryDelay);
    }
    pump();
  }

  function retryNow() {
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    pump();
  }

  // Resolves once everything typed reached the server, or after `ms` whatever happened.
  function flush(ms) {
    Object.keys(debounce).forEach(function (position) { enqueue(position); });
    retryNow();
    var until = Date.now() + ms;
    return new Promise(function (resolve) {
      (function wait() {
        if (!hasUnsaved() || closed || Date.now() > until) resolve();
        else setTimeout(wait, 100);
      })();
    });
  }

  function close(message) {
    closed = true;
    root.classList.add("is-closed");
    document.getElementById("answers").disabled = true;
    setGlobal("closed", message || "");
    messageEl.textContent = message || "";
    messageEl.hidden = false;
    setTimeout(function () { window.location.assign(resultUrl); }, 2500);
  }

  root.querySelector("#answers").addEventListener("change", function (e) {
    var article = e.target.closest(".question");
    if (!article) return;
    refreshMarks(article);
    enqueue(article.dataset.position); // choices save at once; text saves when it loses focus
  });
  root.querySelector("#answers").addEventListener("input", function (e) {
    var article = e.target.closest(".question");
    if (!article || (e.target.type !== "text" && e.target.tagName !== "TEXTAREA")) return;
    refreshMarks(article);
    enqueueLater(article.dataset.position);
  });

  articles.forEach(function (article) {
    var button = article.querySelector(".flag-toggle");
    button.addEventListener("click", function () {
      var flagged = article.dataset.flagged !== "true";
      article.dataset.flagged = flagged ? "true" : "false";
      button.setAttribute("aria-pressed", flagged ? "true" : "false");
      button.textContent = flagged ? T.flagged : T.flag;
      refreshMarks(article);
      enqueue(article.dataset.position);
    });
  });

  window.addEventListener("online", retryNow);
  window.addEventListener("beforeunload", function (e) {
    if (submitting || closed || !hasUnsaved()) return;
    e.preventDefault();
    e.returnValue = "";
  });

  // Show when answers were last saved, from what the server rendered.
  articles.forEach(function (article) {
    var at = article.querySelector(".save-state").dataset.savedAt;
    if (at && (!lastSaved || Date.parse(at) > Date.parse(lastSaved))) lastSaved = at;
  });
  refreshGlobal();

  // ---- navigator and modes -------------------------------------------------------------------
  var MODE_KEY = "exam-mode";
  var modeButton = document.getElementById("mode-toggle");
  var pager = document.getElementById("pager");
  var current = 0;

  function storedMode() {
    try { return localStorage.getItem(MODE_KEY); } catch (e) { return null; }
  }
  var mode = storedMode() || (window.matchMedia("(max-width: 639px)").matches ? "one" : "all");

  var skipLink = document.getElementById("skip-to-question");

  function heading(article) { return article.querySelector("#q-" + article.dataset.position + "-title"); }

  function show(index, scroll) {
    current = Math.max(0, Math.min(articles.length - 1, index));
    articles.forEach(function (a, i) {
      a.classList.toggle("is-current", i === current);
      var button = navButton(a.dataset.position);
      button.classList.toggle("is-current", i === current);
      if (i === current) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    });
    document.getElementById("pager-position").textContent = current + 1 + " / " + articles.length;
    document.getElementById("prev-question").disabled = current === 0;
    document.getElementById("next-question").disabled = current === articles.length - 1;
    skipLink.setAttribute("href", "#" + heading(articles[current]).id);
    if (scroll) articles[current].scrollIntoView({ block: "start" });
  }

  // Navigating moves the keyboard focus to the question's heading, so Tab goes on into its
  // answers, and says where it is: "第 3 题,共 10 题".
  function go(index) {
    show(index, true);
    heading(articles[current]).focus({ preventScroll: true });
    announce(fmt(T.position, String(current + 1)).replace("%t", String(articles.length)), false);
  }

  function applyMode(next) {
    mode = next;
    root.dataset.mode = mode;
    pager.hidden = mode !== "one";
    modeButton.textContent = mode === "one" ? T.mode_all : T.mode_one;
    try { localStorage.setItem(MODE_KEY, mode); } catch (e) { /* private mode: not remembered */ }
    show(current, false);
  }

  modeButton.hidden = false;
  modeButton.addEventListener("click", function () { applyMode(mode === "one" ? "all" : "one"); });
  document.getElementById("prev-question").addEventListener("click", function () { go(current - 1); });
  document.getElementById("next-question").addEventListener("click", function () { go(current + 1); });
  document.getElementById("question-nav").addEventListener("click", function (e) {
    var button = e.target.closest("[data-nav-position]");
    if (!button) return;
    go(articles.indexOf(byPosition[button.dataset.navPosition]));
  });
  skipLink.addEventListener("click", function (e) {
    e.preventDefault();
    go(current);
  });
  // Working down the page in whole-page mode makes the question in hand the current one.
  document.getElementById("answers").addEventListener("focusin", function (e) {
    var article = e.target.closest(".question");
    var index = articles.indexOf(article);
    if (index !== -1 && index !== current) show(index, false);
  });
  applyMode(mode);

  // ---- countdown -----------------------------------------------------------------------------
  // The phone's clock may be minutes off: count from the server's clock as rendered.
  var offset = Date.parse(root.dataset.serverNow) - Date.now();
  var deadline = Date.parse(root.dataset.deadline);
  var countdown = document.getElementById("countdown");
  var warning = document.getElementById("time-warning");
  var warned = 0; // 1 once the 5-minute warning was given, 2 after the 1-minute one
  var ticker = null;

  // In words on screen and to a screen reader, once each: politely at 5 minutes, then urgently.
  function warn(left) {
    var level = left <= 60 ? 2 : left <= 300 ? 1 : 0;
    if (level <= warned || left === 0) return;
    warned = level;
    var text = level === 2 ? T.one_minute : T.five_minutes;
    warning.textContent = text;
    warning.classList.toggle("is-critical", level === 2);
    warning.hidden = false;
    announce(text, level === 2);
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function tick() {
    var left = Math.max(0, Math.ceil((deadline - (Date.now() + offset)) / 1000));
    var h = Math.floor(left / 3600);
    var m = Math.floor((left % 3600) / 60);
    var s = left % 60;
    countdown.textContent = (h ? h + ":" + pad(m) : pad(m)) + ":" + pad(s);
    countdown.dataset.remainingSeconds = String(left);
    countdown.classList.toggle("is-low", left <= 300);
    countdown.classList.toggle("is-critical", left <= 60);
    warn(left);
    if (left === 0) timeUp();
  }

  function timeUp() {
    clearInterval(ticker);
    if (submitting) return;
    submitting = true;
    messageEl.textContent = T.time_up;
    messageEl.hidden = false;
    if (dialog.open) dialog.close("cancel");
    flush(8000).then(function () {
      document.getElementById("answers").disabled = true;
      submitForm.submit();
    });
  }

  ticker = setInterval(tick, 1000);
  tick();

  // ---- submitting ----------------------------------------------------------------------------
  function submitNow() {
    submitting = true;
    setGlobal("saving", T.submitting);
    document.getElementById("submit-button").disabled = true;
    flush(5000).then(function () { submitForm.submit(); });
  }

  submitForm.addEventListener("submit", function (e) {
    e.preventDefault();
    if (submitting) return;
    var missing = articles.length - answeredCount();
    var flagged = flaggedCount();
    // "还有 2 题未作答，3 题已标记,确定交卷吗?": flagged questions are ones the trainee meant to revisit.
    var text = missing ? fmt(T.unanswered, missing) : T.all_answered;
    if (flagged) text += T.separator + fmt(T.flagged_count, flagged);
    text += T.confirm_submit;
    if (typeof dialog.showModal !== "function") {
      if (window.confirm(text)) submitNow();
      return;
    }
    document.getElementById("submit-dialog-text").textContent = text;
    dialog.returnValue = "";
    dialog.showModal();
  });
  dialog.addEventListener("close", function () {
    if (dialog.returnValue === "confirm" && !submitting) submitNow();
  });

  // ---- integrity: evidence for the trainer, never a block ------------------------------------
  var leftAt = null;
  var unloading = false;
  // A reload or a link hides the page too: that is not leaving the exam for something else.
  window.addEventListener("pagehide", function () { unloading = true; });
  window.addEventListener("pageshow", function () { unloading = false; });

  function report(kind, away) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf);
    body.append("kind", kind);
    body.append("away_seconds", String(away));
    if (navigator.sendBeacon && navigator.sendBeacon(eventUrl, body)) return;
    fetch(eventUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
      .catch(function () { /* evidence only: a lost event is acceptable */ });
  }

  function left(since) {
    if (leftAt !== null || submitting || closed || unloading) return;
    leftAt = since || Date.now();
    report("left", 0);
  }

  // A blur alone is not a leave: a keyboard Tab past the last control moves focus to the
  // browser's own toolbar and blurs the window for a moment. Only a blur lasting BLUR_LEAVE_MS
  // counts (from when it began); a hidden tab counts at once.
  var BLUR_LEAVE_MS = 2000;
  var blurTimer = null;
  function cancelBlur() {
    if (blurTimer !== null) clearTimeout(blurTimer);
    blurTimer = null;
  }
  function blurred() {
    if (blurTimer !== null || leftAt !== null) return;
    var since = Date.now();
    blurTimer = setTimeout(function () {
      blurTimer = null;
      if (!document.hasFocus()) left(since);
    }, BLUR_LEAVE_MS);
  }

  function returned() {
    if (leftAt === null) return;
    var away = Math.round((Date.now() - leftAt) / 1000);
    leftAt = null;
    report("returned", away);
    tick();
    retryNow(); // a phone may have dropped the connection while in the background
  }

  document.addEventListener("visibilitychange", function () {
    cancelBlur();
    if (document.visibilityState === "hidden") left();
    else returned();
  });
  window.addEventListener("blur", blurred);
  window.addEventListener("focus", function () {
    cancelBlur();
    returned();
  });
})();
