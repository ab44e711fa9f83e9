// Wide tables scroll sideways inside Material's wrapper on narrow screens. A region that scrolls
// must be reachable by keyboard (WCAG 2.1.1), so each wrapper that overflows becomes focusable
// and is named after its table's first header cells; one that fits leaves the tab order alone.
(function () {
  "use strict";

  function label(wrap) {
    var heads = Array.prototype.slice.call(wrap.querySelectorAll("th"), 0, 3);
    var names = heads.map(function (th) { return th.textContent.trim(); }).filter(Boolean);
    return names.length ? "Table: " + names.join(", ") : "Table";
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scroller = wrap.querySelector(".md-typeset__table") || wrap;
      var overflows = wrap.scrollWidth > wrap.clientWidth + 1 || scroller.scrollWidth > scroller.clientWidth + 1;
      if (overflows) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  // Material swaps pages without reloading when instant loading is on; document$ covers both cases.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
})();
