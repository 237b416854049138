// Material for MkDocs' storage helpers, loaded as a file instead of Material's inline
// script (overrides/partials/javascripts/base.html), so that the pages' Content Security
// Policy allows no inline script. Same behaviour as Material's: __md_scope is the site
// root (or extra.scope, relative to the page), and __md_get / __md_set keep Material's
// preferences in localStorage under keys that start with the scope's path. Like Zensical's,
// it also marks the page with the device's platform (data-platform on the root element),
// from which Zensical's styles show the search shortcut as the device writes it (⌘K, Ctrl+K).
//
// A classic script, run before Material's bundle. This file lives at
// <site root>/assets/lederskap-material/scope.js.

(function () {
  "use strict";
  var script = document.currentScript;
  var configured = script && script.getAttribute("data-md-scope");
  window.__md_scope = configured ? new URL(configured, location) : new URL("../../", script.src);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) {
      return (hash << 5) - hash + c.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Like Material: a preference that cannot be stored is simply not kept.
    }
  };
  document.documentElement.setAttribute("data-platform", navigator.platform);
})();
