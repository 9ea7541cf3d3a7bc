// A form sent back with errors: move focus to the summary, so it is read out first.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
