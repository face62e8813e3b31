// The error summary of a refused form takes the focus when the page loads, so that a screen reader reads it first;
// each of its links moves the focus to its field (a fragment link alone only scrolls).
(function () {
    "use strict";
    function start() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }

        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[data-focus]");
            var field = link && document.getElementById(link.getAttribute("data-focus"));
            if (field) {
                event.preventDefault();
                field.scrollIntoView({ block: "center" });
                field.focus();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
