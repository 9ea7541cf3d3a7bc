// The filter panel's first state comes from the server, so nothing moves after the first
// paint: folded on a phone unless filters are on, a sidebar on a wide screen (site.css
// shows a folded panel's content there). This script only keeps the panel's `open` state
// true to what is shown (for assistive technology), opens the sidebar in browsers that
// cannot show a folded panel's content, and folds it again when the screen narrows.
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
