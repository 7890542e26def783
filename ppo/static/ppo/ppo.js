// Sends Django's CSRF token with every htmx request (the token is in a meta tag set by the page).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
});

// A button marked data-ppo-print prints the page (the poster of a school); without JavaScript, the browser's menu.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-ppo-print]")) { window.print(); }
});
