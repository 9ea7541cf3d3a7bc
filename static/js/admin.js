// Small repairs to Django's own admin widgets, which they draw with JavaScript (so no
// template of ours can fix them), for people who use a screen reader:
// - the search icon of a "filter horizontal" box names the box's filter field with
//   aria-label, which a plain span may not carry: it becomes an image with that name;
// - an autocomplete box (select2) is named by its selection only, which is nothing while
//   it is empty: it is named by its field's label, then its selection.
// They run again whenever the admin adds such widgets (on load, and with inline rows).
(function () {
  "use strict";

  function nameAutocomplete(box) {
    var container = box.closest(".select2-container");
    var select = container && container.previousElementSibling;
    var label = select && select.id && document.querySelector('label[for="' + select.id + '"]');
    var selection = box.querySelector(".select2-selection__rendered");
    box.dataset.named = "";
    if (!label) return;
    label.id = label.id || select.id + "_label";
    box.setAttribute("aria-labelledby", selection && selection.id ? label.id + " " + selection.id : label.id);
    if (selection) {
      // A read-only "textbox" with no name of its own inside the combobox: plain text.
      selection.removeAttribute("role");
      selection.removeAttribute("aria-readonly");
    }
  }

  function repair() {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
    document.querySelectorAll(".select2-selection[role=combobox]:not([data-named])").forEach(nameAutocomplete);
  }

  repair();
  new MutationObserver(repair).observe(document.body, {childList: true, subtree: true});
})();
