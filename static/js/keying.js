// Keying page: the keyboard on top of a plain form (without this script the form still posts).
// A–H pick options (a single choice keeps one, a multiple choice toggles), T/F pick 对/错,
// Enter saves and moves on (Ctrl+Enter in the reference-answer textarea), S skips.
(function () {
  "use strict";

  var form = document.getElementById("key-form");
  if (!form) return;
  var type = form.dataset.type;
  var skip = document.getElementById("key-skip");
  var hint = form.querySelector("[data-keys]");
  if (hint) hint.hidden = false;

  function save() {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function isTyping(target) {
    return target.matches("textarea, input[type=text], select");
  }

  function pick(key) {
    var input = form.querySelector("input[data-key='" + key + "']");
    if (!input) return false;
    // A radio stays ticked (a single choice keeps exactly one); a checkbox toggles.
    input.checked = input.type === "radio" ? true : !input.checked;
    input.focus();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.isComposing || event.altKey) return;  // an input method is still composing
    if (event.key === "Enter") {
      if (target.tagName === "TEXTAREA") {
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          save();
        }
        return;
      }
      // Buttons and links do their own thing on Enter; text inputs submit the form natively.
      if (target.matches("button, a, input[type=text]") || !form.contains(target) && target !== document.body) {
        return;
      }
      event.preventDefault();
      save();
      return;
    }
    if (event.ctrlKey || event.metaKey || isTyping(target)) return;
    var key = event.key.toUpperCase();
    if (key === "S" && skip) {
      event.preventDefault();
      window.location.href = skip.href;
      return;
    }
    var letters = type === "truefalse" ? "TF" : (type === "single" || type === "multiple") ? "ABCDEFGH" : "";
    if (key.length === 1 && letters.indexOf(key) !== -1 && pick(key)) event.preventDefault();
  });
})();
