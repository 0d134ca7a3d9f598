// "Copy reference": a button beside each comment's reference (c-…) that
// puts it on the clipboard, for chairs citing comments in an outcome.
// Without JavaScript, or without a clipboard, the reference stays a link
// whose text can be selected; nothing else depends on this file.
(function () {
  "use strict";
  var list = document.querySelector("ol.comments[data-copy-label]");
  if (!list || !navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  list.parentNode.insertBefore(status, list);
  list.querySelectorAll("a.reference").forEach(function (link) {
    var reference = link.textContent.trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button copy-reference";
    button.textContent = list.getAttribute("data-copy-label");
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + reference;
    button.appendChild(hidden);
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(reference).then(
        function () {
          status.textContent = list.getAttribute("data-copied").replace("{reference}", reference);
        },
        function () {
          status.textContent = list.getAttribute("data-not-copied");
        }
      );
    });
    link.insertAdjacentText("afterend", " ");
    link.parentNode.insertBefore(button, link.nextSibling.nextSibling);
  });
})();
