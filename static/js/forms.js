// A form sent back with errors: move focus to the summary, so it is read out first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();

// A text area with a limit (data-maxlength, set by the server with its messages in the
// page's language): "N characters left" under it as the person types, as GOV.UK's
// character count does. Screen readers hear the count once the person pauses, not at
// every key. Without JavaScript the hint under the label gives the limit, and the
// server says when the text is too long.
(function () {
  "use strict";
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");
  var format = new Intl.NumberFormat(document.documentElement.lang || "en");

  document.querySelectorAll("textarea[data-maxlength]").forEach(function (area) {
    var limit = parseInt(area.dataset.maxlength, 10);
    var shown = document.createElement("p");
    shown.className = "character-count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    area.after(shown, spoken);
    var pause;

    function message() {
      // Characters as the server counts them (an emoji is one, a line break is one).
      var left = limit - Array.from(area.value).length;
      var kind = left < 0 ? "over" : "left";
      var count = Math.abs(left);
      var form = plural.select(count) === "one" ? "one" : "other";
      return {
        over: left < 0,
        text: area.dataset[kind + (form === "one" ? "One" : "Other")].replace(
          "%(count)s",
          format.format(count)
        ),
      };
    }

    function show() {
      var now = message();
      shown.textContent = now.text;
      shown.classList.toggle("character-count--over", now.over);
    }

    area.addEventListener("input", function () {
      show();
      clearTimeout(pause);
      pause = setTimeout(function () {
        spoken.textContent = message().text;
      }, 1000);
    });
    show();
  });
})();
