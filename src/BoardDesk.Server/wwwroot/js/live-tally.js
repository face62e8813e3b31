// A vote's tally moves while voting is open. Ask the server for it every two seconds and redraw the tally region (an
// aria-live region) only when the vote changed; when voting closes, show the result and stop. The server decides what
// the reader may see: a secret ballot's tally has no choices until it closes. Without script the page shows the tally
// as it was when loaded.
(function () {
    "use strict";
    var region = document.querySelector("[data-tally]");
    if (!region || !window.fetch || region.getAttribute("data-status") === "Closed") {
        return;
    }

    var address = region.getAttribute("data-tally");
    var version = region.getAttribute("data-version");
    var interval = 2000;
    var timer = null;

    function element(name, className, text) {
        var node = document.createElement(name);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    // The same markup as DecisionTallyView.razor.
    function draw(tally) {
        var parts = [];
        var turnout = element("p", "tally-turnout");
        turnout.appendChild(element("strong", null, tally.turnout));
        parts.push(turnout);
        if (tally.count) {
            var counts = element("dl", "tally-counts");
            [["For", "for", tally.count.for], ["Against", "against", tally.count.against], ["Abstain", "abstain", tally.count.abstain]].forEach(function (count) {
                var group = element("div", "tally-count tally-" + count[1]);
                group.appendChild(element("dt", null, count[0]));
                group.appendChild(element("dd", null, String(count[2])));
                counts.appendChild(group);
            });
            parts.push(counts);
        } else if (tally.ballot === "Secret" && tally.status === "Open") {
            parts.push(element("p", "tally-note", "Secret ballot: how anyone voted is never shown. The counts are shown when voting closes."));
        }
        if (tally.ballots.length > 0) {
            var table = element("table", "table tally-ballots");
            table.appendChild(element("caption", null, "How each voted"));
            var head = element("thead");
            var headRow = element("tr");
            ["Voter", "Vote"].forEach(function (title) {
                var cell = element("th", null, title);
                cell.setAttribute("scope", "col");
                headRow.appendChild(cell);
            });
            head.appendChild(headRow);
            table.appendChild(head);
            var body = element("tbody");
            tally.ballots.forEach(function (ballot) {
                var row = element("tr");
                var who = element("th", null, ballot.unit + (ballot.castBy === ballot.unit ? "" : " (cast by " + ballot.castBy + ")"));
                who.setAttribute("scope", "row");
                row.appendChild(who);
                var vote = element("td");
                vote.appendChild(element("span", "vote vote-" + ballot.choice.toLowerCase(), ballot.choiceText));
                row.appendChild(vote);
                body.appendChild(row);
            });
            table.appendChild(body);
            parts.push(table);
        }
        if (tally.notVoted.length > 0) {
            parts.push(element("p", "tally-waiting", "Not voted yet: " + tally.notVoted.join(", ") + "."));
        }
        if (tally.outcomeText) {
            parts.push(element("p", "tally-outcome " + (tally.carried ? "carried" : "not-carried"), "Outcome: " + tally.outcomeText));
        }
        region.replaceChildren.apply(region, parts);
        document.querySelectorAll("[data-decision-status]").forEach(function (tag) {
            tag.textContent = tally.statusText;
        });
        region.setAttribute("data-status", tally.status);
        region.setAttribute("data-version", String(tally.version));
    }

    function closed() {
        // The vote and chair forms no longer apply; reloading shows the full record.
        document.querySelectorAll("[data-hide-when-closed]").forEach(function (panel) {
            panel.hidden = true;
        });
        var note = element("p", "tally-note", "Voting has closed. ");
        var reload = element("a", null, "Reload the page for the full record");
        reload.href = window.location.pathname;
        note.appendChild(reload);
        note.appendChild(document.createTextNode("."));
        region.appendChild(note);
    }

    function poll() {
        timer = null;
        fetch(address, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.json();
            })
            .then(function (tally) {
                if (String(tally.version) !== version) {
                    version = String(tally.version);
                    draw(tally);
                }
                if (tally.status === "Closed") {
                    closed();
                    return;
                }
                schedule(2000);
            })
            .catch(function () {
                // A network hiccup or a signed-out session: try again, less often, without disturbing the page.
                schedule(Math.min(interval * 2, 30000));
            });
    }

    function schedule(delay) {
        interval = delay;
        if (!document.hidden && timer === null) {
            timer = window.setTimeout(poll, delay);
        }
    }

    // A page in a background tab asks nothing; it catches up when it is shown again.
    document.addEventListener("visibilitychange", function () {
        if (!document.hidden && timer === null && region.getAttribute("data-status") !== "Closed") {
            poll();
        }
    });

    schedule(interval);
}());
