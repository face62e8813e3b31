// Board pack PDFs are printed on request and can take a while: instead of a page that seems to hang, fetch the PDF,
// say what is happening, and save it when it arrives. Without script the links still work as plain downloads.
(function () {
    "use strict";
    var status = document.querySelector(".pdf-status");
    document.querySelectorAll("a[data-pdf-download]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            if (!window.fetch || !status) {
                return;
            }
            event.preventDefault();
            var started = Date.now();
            link.setAttribute("aria-busy", "true");
            link.classList.add("busy");
            status.textContent = "Preparing the PDF. This can take up to a minute.";
            var timer = window.setInterval(function () {
                status.textContent = "Preparing the PDF: " + Math.round((Date.now() - started) / 1000) + " seconds so far.";
            }, 1000);
            fetch(link.href, { credentials: "same-origin" })
                .then(function (response) {
                    if (!response.ok) {
                        return response.json().then(function (problem) {
                            throw new Error(problem.detail || problem.title || "The PDF could not be prepared.");
                        }, function () {
                            throw new Error("The PDF could not be prepared (" + response.status + ").");
                        });
                    }
                    return response.blob();
                })
                .then(function (pdf) {
                    var address = URL.createObjectURL(pdf);
                    var save = document.createElement("a");
                    save.href = address;
                    save.download = link.getAttribute("data-pdf-download");
                    document.body.appendChild(save);
                    save.click();
                    save.remove();
                    window.setTimeout(function () { URL.revokeObjectURL(address); }, 10000);
                    status.textContent = "The PDF is ready and has been saved (" + Math.round(pdf.size / 1024) + " KB).";
                    status.classList.add("done");
                })
                .catch(function (error) {
                    status.textContent = error.message;
                    status.classList.add("failed");
                })
                .finally(function () {
                    window.clearInterval(timer);
                    link.removeAttribute("aria-busy");
                    link.classList.remove("busy");
                });
        });
    });
}());
