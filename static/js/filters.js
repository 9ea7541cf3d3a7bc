// The filter panel is open without JavaScript. On a phone, close it when no filter is
// active, so the results come first; on a wide screen it is always open (a sidebar).
(function () {
  "use strict";
  var panel = document.querySelector(".filter-panel");
  if (!panel) return;
  var wide = window.matchMedia("(min-width: 56em)");
  var active = document.querySelector(".chips") !== null;
  function fit() {
    panel.open = wide.matches || active;
  }
  fit();
  wide.addEventListener("change", fit);
})();
