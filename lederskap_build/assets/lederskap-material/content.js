// Material for MkDocs' content script, loaded as a file instead of Material's inline
// script (overrides/partials/javascripts/content.html), so that the pages' Content
// Security Policy allows no inline script. Same behaviour as Material's: a link to a
// tab (#__tabbed_...) opens that tab, and with the feature content.tabs.link the tab
// the learner chose last is opened again. Instant navigation runs it again on every page.

(function () {
  "use strict";
  var script = document.currentScript;
  if (script && script.hasAttribute("data-md-tabs-link")) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      Array.prototype.forEach.call(document.querySelectorAll(".tabbed-set"), function (set) {
        var labels = set.querySelector(".tabbed-labels");
        if (!labels) return;
        for (var i = 0; i < tabs.length; i += 1) {
          var found = Array.prototype.find.call(labels.getElementsByTagName("label"), function (label) {
            return label.innerText.trim() === tabs[i];
          });
          if (found) {
            document.getElementById(found.htmlFor).checked = true;
            return;
          }
        }
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
