// The action panel of the grid: focus its heading after htmx fills it, close it on "Annuler".
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "action-panel") {
    var focus = event.detail.target.querySelector("[data-plans-focus]");
    if (focus) { focus.focus(); focus.scrollIntoView({ block: "start" }); }
  }
});
document.addEventListener("click", function (event) {
  var close = event.target.closest("[data-plans-close]");
  var panel = document.getElementById("action-panel");
  if (close && panel && panel.contains(close)) {
    event.preventDefault();
    panel.innerHTML = "";
  }
});
