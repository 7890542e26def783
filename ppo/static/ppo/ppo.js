// Sends Django's CSRF token with every htmx request (the token is in a meta tag set by the page).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
});

// A button marked data-ppo-print prints the page (the poster of a school); without JavaScript, the browser's menu.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-ppo-print]")) { window.print(); }
});

// Errors of a refused form (includes/error_summary.html): the summary takes the focus when the page opens or when
// htmx brings it, so that it is read first; its links move the focus to the field itself, not only the view.
(function () {
  function focusSummary(root) {
    var summary = (root || document).querySelector("[data-ppo-error-summary]");
    if (!summary) { return false; }
    summary.focus();
    summary.scrollIntoView({ block: "start" });
    return true;
  }
  window.ppoFocusErrorSummary = focusSummary;
  document.addEventListener("DOMContentLoaded", function () { focusSummary(document); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-ppo-error-summary] a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    event.preventDefault();
    field.focus();
    var label = document.querySelector("label[for='" + field.id + "']");
    (field.closest("fieldset") || label || field).scrollIntoView({ block: "start" });
  });
})();
