// Bulk import pages: the upload form's drop zone and file list, and the progress page's polling.
// Vanilla, no build step; the pages work without it (plain file input, a refresh on the progress page).
(function () {
  "use strict";

  function formatSize(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function setupUpload(form) {
    var input = form.querySelector("input[type=file]");
    var zone = form.querySelector("#dropzone");
    var list = form.querySelector("#file-list");
    var maxFiles = Number(form.dataset.maxFiles);
    var maxFileBytes = Number(form.dataset.maxFileBytes);
    var maxTotal = Number(form.dataset.maxTotalBytes);
    var extensions = form.dataset.extensions.split(",");

    function problem(file) {
      var name = file.name.toLowerCase();
      if (!extensions.some(function (ext) { return name.endsWith(ext); })) return zone.dataset.badType;
      if (file.size === 0) return zone.dataset.empty;
      if (file.size > maxFileBytes && !name.endsWith(".zip")) return zone.dataset.tooBig;
      return "";
    }

    function render() {
      list.textContent = "";
      var total = 0;
      Array.prototype.forEach.call(input.files, function (file) {
        total += file.size;
        var item = document.createElement("li");
        item.textContent = file.name + " · " + formatSize(file.size);
        var why = problem(file);
        if (why) {
          var note = document.createElement("span");
          note.className = "warn";
          note.textContent = " " + why;
          item.appendChild(note);
        }
        list.appendChild(item);
      });
      if (input.files.length > maxFiles || total > maxTotal) {
        var over = document.createElement("li");
        over.className = "warn";
        over.textContent = zone.dataset.overLimit;
        list.appendChild(over);
      }
    }

    // Dropped files are added to what was already picked: a DataTransfer is the only way to
    // set input.files, so the form still posts one ordinary multipart request.
    function addFiles(files) {
      var merged = new DataTransfer();
      Array.prototype.forEach.call(input.files, function (f) { merged.items.add(f); });
      Array.prototype.forEach.call(files, function (f) { merged.items.add(f); });
      input.files = merged.files;
      render();
    }

    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("is-over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
    });
    input.addEventListener("change", render);
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      button.textContent = button.dataset.busy;
    });
  }

  function setupProgress(section) {
    var url = section.dataset.url;
    // The width is set here, not in a style="" attribute: the Content-Security-Policy blocks those.
    var bar = document.getElementById("progress-bar");
    bar.style.width = bar.dataset.percent + "%";
    var table = document.querySelector("#progress-files tbody");

    function note(row, text, href) {
      var box = row.querySelector(".note");
      box.textContent = "";
      var target = box;
      if (href) {
        target = document.createElement("a");
        target.href = href;
        box.appendChild(target);
      }
      target.textContent = text;
    }

    function update(data) {
      document.getElementById("progress-bar").style.width = data.percent + "%";
      section.querySelector("[role=progressbar]").setAttribute("aria-valuenow", data.done);
      document.getElementById("progress-done").textContent = data.done;
      document.getElementById("progress-total").textContent = data.total;
      document.getElementById("progress-found").textContent = data.found;
      document.getElementById("progress-failed").textContent = data.failed;
      data.files.forEach(function (f) {
        var row = table.querySelector('tr[data-id="' + f.id + '"]');
        if (!row) return;
        row.className = "status-" + f.status;
        var badge = row.children[1].querySelector(".badge");
        badge.className = "badge badge-" + f.status;
        badge.textContent = f.status_label;
        row.children[2].textContent = String(f.found);
        note(row, f.note, f.url);
      });
      if (data.finished) {
        var state = document.getElementById("progress-state");
        state.textContent = state.dataset.done;
        state.className = "done";
        document.getElementById("review-link").hidden = false;
      }
      var publish = document.getElementById("publish-state");
      if (publish && data.publish) {
        // While the worker publishes, the bar and this line follow the publish.
        publish.hidden = !data.publish.message;
        publish.textContent = data.publish.message;
        publish.className = data.publish.status === "publishing" ? "muted" : "done";
        if (data.publish.status === "publishing") {
          document.getElementById("progress-bar").style.width = data.publish.percent + "%";
        }
      }
      return !data.watching;
    }

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) { if (!update(data)) window.setTimeout(poll, 1000); })
        .catch(function () { window.setTimeout(poll, 3000); });
    }

    if (section.dataset.finished !== "1") poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("upload-form");
    if (form) setupUpload(form);
    var section = document.getElementById("progress");
    if (section) setupProgress(section);
  });
})();
