// Notes on questions: saved in place (no reload) when script runs; without it the form posts
// and the page comes back. The server answers JSON when asked for it (practice/views_notes.py).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("note-form")) return;
    event.preventDefault();
    var status = form.querySelector(".note-status");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) throw new Error(result.data.message || form.dataset.failed);
        form.querySelector("textarea").value = result.data.text;
        var summary = form.closest("details") && form.closest("details").querySelector("summary");
        if (summary) summary.textContent = result.data.text ? form.dataset.noted : form.dataset.empty;
        status.textContent = result.data.message;
        status.dataset.state = "saved";
      })
      .catch(function (error) {
        status.textContent = error && error.message ? error.message : form.dataset.failed;
        status.dataset.state = "failed";
      })
      .then(function () { button.disabled = false; });
  });
})();
