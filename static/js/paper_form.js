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
    var all = chapterOptions[select.name] || [];
    select.innerHTML = "";
    all.forEach(function (option) {
      if (option.dataset.bank === bank) {
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
    Array.prototype.forEach.call(field(row, "chapters").selectedOptions, function (option) {
      params.append("chapters", option.value);
    });
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

  if (bankSelect) {
    bankSelect.addEventListener("change", function () {
      rows.querySelectorAll("[data-rule]").forEach(function (row) {
        showBankChapters(row);
        refreshRow(row);
      });
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
