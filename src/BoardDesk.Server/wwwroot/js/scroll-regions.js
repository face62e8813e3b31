// A box that scrolls sideways (a wide table on a phone, a long line of a comparison) must be reachable by keyboard,
// or its hidden part is out of reach without a pointer (axe: scrollable-region-focusable). Only boxes that do scroll
// join the tab order, and they leave it again when they no longer do.
(function () {
    "use strict";
    var selector = ".table, .table-scroll, .diff, pre";

    function update() {
        document.querySelectorAll(selector).forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            if (scrolls && !box.hasAttribute("tabindex")) {
                box.setAttribute("tabindex", "0");
                box.setAttribute("data-scroll-focus", "");
            } else if (!scrolls && box.hasAttribute("data-scroll-focus")) {
                box.removeAttribute("tabindex");
                box.removeAttribute("data-scroll-focus");
            }
        });
    }

    var pending = 0;
    function later() {
        window.clearTimeout(pending);
        pending = window.setTimeout(update, 150);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", update);
    } else {
        update();
    }

    window.addEventListener("resize", later);
})();
