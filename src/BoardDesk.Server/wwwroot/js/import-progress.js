// A recommendation import runs in the background; while it does, ask the server how far it has got and show it,
// then load the finished page (with any refused rows). Without script the page shows where the import was when it
// was loaded, and reloading it shows the latest.
(function () {
    "use strict";
    var box = document.querySelector("[data-import-progress]");
    if (!box || !window.fetch) {
        return;
    }
    var bar = box.querySelector("progress");
    var status = box.querySelector(".import-status");
    var finished = function (phase) { return phase === "Completed" || phase === "Refused" || phase === "Stopped"; };
    if (finished(box.getAttribute("data-phase"))) {
        return;
    }
    var describe = function (progress) {
        if (progress.phase === "Checking") {
            return "Checking " + progress.total + " rows. Nothing is recorded until every row passes.";
        }
        if (progress.phase === "Recording") {
            return "Recorded " + progress.recorded + " of " + progress.total + " recommendations.";
        }
        if (progress.phase === "Stopped") {
            return "The import stopped after recording " + progress.recorded + " of " + progress.total
                + " recommendations; what was recorded stays recorded. " + ((progress.errors && progress.errors.file) || []).join(" ");
        }
        return progress.phase === "Completed"
            ? "Done: all " + progress.total + " recommendations are recorded."
            : "Nothing was imported: some rows were refused.";
    };
    var poll = function () {
        fetch(box.getAttribute("data-import-progress"), { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("The import's progress could not be read (" + response.status + "). Reload the page to try again.");
                }
                return response.json();
            })
            .then(function (progress) {
                bar.max = progress.total;
                bar.value = progress.recorded;
                bar.textContent = progress.recorded + " of " + progress.total;
                status.textContent = describe(progress);
                if (finished(progress.phase)) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function (error) {
                status.textContent = error.message;
            });
    };
    window.setTimeout(poll, 500);
})();
