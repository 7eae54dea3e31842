// Every page: the language menu switches as soon as a language is picked (an inline onchange
// would be blocked by the Content-Security-Policy; without script, the noscript button does it).
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});
