// The action panel of the grid. After htmx fills it, the focus goes to the error summary of a refused save, or else
// to the panel's heading (or the "saved" message). "Annuler" or Escape close it and give the focus back to the link
// or button that opened it (or to the panel's place on the page if that element is gone).
(function () {
  var opener = null;

  document.addEventListener("htmx:beforeRequest", function (event) {
    var panel = document.getElementById("action-panel");
    var elt = event.detail.elt;
    if (panel && elt && !panel.contains(elt) && elt.getAttribute("hx-target") === "#action-panel") {
      opener = elt;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "action-panel") { return; }
    if (window.ppoFocusErrorSummary && window.ppoFocusErrorSummary(target)) { return; }
    var focus = target.querySelector("[data-plans-focus]");
    if (focus) { focus.focus(); focus.scrollIntoView({ block: "start" }); }
  });

  function closePanel(panel) {
    panel.innerHTML = "";
    var back = opener && document.body.contains(opener) ? opener : document.querySelector("[data-plans-add]");
    opener = null;
    if (back) { back.focus(); }
  }

  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-plans-close]");
    var panel = document.getElementById("action-panel");
    if (close && panel && panel.contains(close)) {
      event.preventDefault();
      closePanel(panel);
    }
  });

  document.addEventListener("keydown", function (event) {
    var panel = document.getElementById("action-panel");
    if (event.key === "Escape" && panel && panel.firstElementChild && panel.contains(document.activeElement)) {
      event.preventDefault();
      closePanel(panel);
    }
  });
})();
