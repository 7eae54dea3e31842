// Paper form, live feedback while the trainer edits rules. Progressive enhancement: without
// this script the form still posts and the server checks everything again (paper_problems).
(function () {
  "use strict";

  var form = document.getElementById("paper-form");
  if (!form) return;
  var rows = document.getElementById("rule-rows");
  var template = document.getElementById("rule-template");
  var addButton = document.getElementById("add-rule");
  var totalForms = form.querySelector("input[name='rules-TOTAL_FORMS']");
  var bankSelect = form.querySelector("select[name='bank']");
  var poolUrl = form.dataset.poolUrl;
  // The chapter <option>s of every bank, kept aside so a row only offers its paper's bank's
  // (hiding <option>s is not honoured by every phone's picker; removing them is).
  var chapterOptions = {};
  var picker = document.getElementById("chapter-picker");

  // The paper's chapters (the tree picker): every rule draws from them unless it narrows them.
  function pickedChapters() {
    if (!picker) return [];
    return Array.prototype.map.call(
      picker.querySelectorAll("input[name='chapters']:checked"), function (box) { return box.value; });
  }

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_m, key) { return values[key]; });
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  function isDeleted(row) {
    var box = field(row, "DELETE");
    return Boolean(box && box.checked);
  }

  function rememberChapters(row) {
    var select = field(row, "chapters");
    if (!select || chapterOptions[select.name]) return;
    chapterOptions[select.name] = Array.prototype.slice.call(select.options);
  }

  function showBankChapters(row) {
    var select = field(row, "chapters");
    if (!select || !bankSelect) return;
    var bank = bankSelect.value;
    var picked = pickedChapters();
    var all = chapterOptions[select.name] || [];
    select.innerHTML = "";
    all.forEach(function (option) {
      var inPaper = !picked.length || picked.indexOf(option.value) !== -1;
      if (option.dataset.bank === bank && inPaper) {
        select.appendChild(option);
      } else {
        option.selected = false;
      }
    });
  }

  function updateTotals() {
    var count = 0;
    var points = 0;
    rows.querySelectorAll("[data-rule]").forEach(function (row) {
      if (isDeleted(row)) return;
      var n = parseInt(field(row, "count").value, 10) || 0;
      var p = parseFloat(field(row, "points").value) || 0;
      count += n;
      points += n * p;
    });
    form.querySelector("[data-total-count]").textContent = String(count);
    // Two decimals at most, as the server shows them (0.5 steps, so no float noise survives).
    form.querySelector("[data-total-points]").textContent = String(Math.round(points * 100) / 100);
  }

  // Questions of the pool that wait for a key, linked to the keying page for them.
  function showUnkeyed(row, data) {
    var link = row.querySelector("[data-unkeyed]");
    if (!link) return;
    var n = data ? data.waiting_for_key : 0;
    link.hidden = !n;
    link.textContent = n ? text(form.dataset.msgUnkeyed, { n: n }) : "";
    if (n) link.href = data.keying_url;
  }

  function showAvailability(row, available) {
    var count = parseInt(field(row, "count").value, 10) || 0;
    var availableText = row.querySelector("[data-available]");
    var problem = row.querySelector("[data-problem]");
    availableText.textContent = text(form.dataset.msgAvailable, { n: available });
    var tooMany = count > available && !isDeleted(row);
    problem.textContent = tooMany ? text(form.dataset.msgTooMany, { count: count, n: available }) : "";
    problem.setAttribute("role", tooMany ? "alert" : "status");
    row.classList.toggle("rule-too-many", tooMany);
  }

  function refreshRow(row) {
    var type = field(row, "type").value;
    if (!type || !bankSelect || !bankSelect.value) {
      row.querySelector("[data-available]").textContent = "";
      row.querySelector("[data-problem]").textContent = "";
      row.classList.remove("rule-too-many");
      showUnkeyed(row, null);
      return;
    }
    var params = new URLSearchParams({ bank: bankSelect.value, type: type });
    var difficulty = field(row, "difficulty").value;
    if (difficulty) params.append("difficulty", difficulty);
    var own = Array.prototype.map.call(field(row, "chapters").selectedOptions, function (o) { return o.value; });
    (own.length ? own : pickedChapters()).forEach(function (id) { params.append("chapters", id); });
    var asked = params.toString();
    row.dataset.query = asked;
    fetch(poolUrl + "?" + asked, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) {
        // A slower, older answer must not overwrite the newer one.
        if (row.dataset.query !== asked) return;
        showAvailability(row, data.available);
        showUnkeyed(row, data);
      })
      .catch(function () {
        row.querySelector("[data-available]").textContent = form.dataset.msgError;
      });
  }

  var timers = new WeakMap();
  function refreshSoon(row) {
    clearTimeout(timers.get(row));
    timers.set(row, setTimeout(function () { refreshRow(row); }, 250));
  }

  function wire(row) {
    rememberChapters(row);
    showBankChapters(row);
    refreshRow(row);
  }

  function renumber() {
    rows.querySelectorAll("[data-rule]").forEach(function (row, index) {
      row.querySelector("[data-rule-number]").textContent = String(index + 1);
    });
  }

  rows.addEventListener("input", function (event) {
    var row = event.target.closest("[data-rule]");
    if (!row) return;
    updateTotals();
    refreshSoon(row);
  });
  rows.addEventListener("change", function (event) {
    var row = event.target.closest("[data-rule]");
    if (!row) return;
    row.classList.toggle("rule-deleted", isDeleted(row));
    updateTotals();
    refreshSoon(row);
  });

  function refreshAllRows() {
    rows.querySelectorAll("[data-rule]").forEach(function (row) {
      showBankChapters(row);
      refreshRow(row);
    });
  }

  function showBankTree() {
    if (!picker || !bankSelect) return;
    picker.querySelectorAll(".chapter-tree").forEach(function (tree) {
      var mine = tree.dataset.bank === bankSelect.value;
      tree.hidden = !mine;
      if (!mine) tree.querySelectorAll("input[name='chapters']").forEach(function (box) { box.checked = false; });
    });
  }

  function summarise() {
    var n = pickedChapters().length;
    picker.querySelector("[data-chapter-summary]").textContent =
      n ? text(form.dataset.msgPicked, { n: n }) : form.dataset.msgNonePicked;
  }

  function search(term) {
    term = term.trim().toLowerCase();
    picker.querySelectorAll("[data-chapter-node]").forEach(function (node) {
      var title = node.querySelector(".chapter-title").textContent.toLowerCase();
      node.dataset.match = String(!term || title.indexOf(term) !== -1);
    });
    // A chapter stays in view when one of its sections matches, so the match keeps its context.
    picker.querySelectorAll("[data-chapter-node]").forEach(function (node) {
      var inside = node.querySelector("[data-chapter-node][data-match='true']");
      node.hidden = node.dataset.match !== "true" && !inside;
    });
  }

  if (picker) {
    picker.querySelector("[data-chapter-tools]").hidden = false;
    picker.querySelectorAll("[data-chapter-all]").forEach(function (button) { button.hidden = false; });
    picker.addEventListener("click", function (event) {
      var all = event.target.closest("[data-chapter-all]");
      var clear = event.target.closest("[data-chapter-clear]");
      if (!all && !clear) return;
      var scope = all ? all.closest("[data-chapter-node]") : picker;
      var boxes = scope.querySelectorAll("input[name='chapters']");
      // 全选本章 toggles: a second press on a fully chosen chapter clears it.
      var every = all && Array.prototype.every.call(boxes, function (box) { return box.checked; });
      boxes.forEach(function (box) { box.checked = Boolean(all) && !every; });
      summarise();
      refreshAllRows();
    });
    picker.addEventListener("change", function () { summarise(); refreshAllRows(); });
    picker.querySelector("#chapter-search").addEventListener("input", function (event) {
      search(event.target.value);
    });
    showBankTree();
    summarise();
  }

  if (bankSelect) {
    bankSelect.addEventListener("change", function () {
      showBankTree();
      if (picker) summarise();
      refreshAllRows();
    });
  }

  if (addButton && template && totalForms) {
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var index = parseInt(totalForms.value, 10);
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
      var row = holder.firstElementChild;
      rows.appendChild(row);
      totalForms.value = String(index + 1);
      renumber();
      wire(row);
      field(row, "type").focus();
    });
  }

  rows.querySelectorAll("[data-rule]").forEach(wire);
  updateTotals();
})();
