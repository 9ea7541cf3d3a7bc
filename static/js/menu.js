// The main navigation is a <details> folded behind a "Menu" button on narrow screens. On
// wide screens site.css shows its content and hides the button, so the page works and
// nothing moves without this script. The script only keeps the menu's `open` state true
// to what is shown (for assistive technology), opens it in browsers that cannot show a
// folded <details>' content, folds it again when the screen narrows, and lets Escape
// fold an open menu, handing the focus back to its button.
(function () {
  "use strict";
  var menu = document.querySelector(".main-menu");
  if (!menu) return;
  var button = menu.querySelector("summary");
  // The same width as the breakpoint in site.css.
  var wide = window.matchMedia("(min-width: 60em)");
  function fit() {
    menu.open = wide.matches;
  }
  fit();
  wide.addEventListener("change", fit);
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      button.focus();
    }
  });
})();
