// Styles that the theme's script puts into a shadow root as a <style> element are applied
// through the CSSOM instead, which the pages' Content Security Policy allows (style-src
// 'self' blocks every <style> element, in a shadow root too). Zensical's search dialog
// is drawn in a shadow root with a <style> element of its own: without this it would be
// unstyled, and every page would report a violation of the policy. Only a script can call
// appendChild, so this lets no style in that the policy keeps out of the HTML.
//
// A classic script, run before the theme's bundle (partials/javascripts/base.html).

(function () {
  "use strict";
  if (!window.ShadowRoot || !("adoptedStyleSheets" in ShadowRoot.prototype)) return;
  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attachShadow.call(this, init);
    var appendChild = root.appendChild;
    root.appendChild = function (node) {
      if (!(node instanceof HTMLStyleElement)) return appendChild.call(root, node);
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(node.textContent || "");
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      return node;
    };
    return root;
  };
})();
