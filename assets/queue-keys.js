// The moderation queue with a keyboard, and "select all on this page" in
// place. Without JavaScript the queue works as it is: "Select all on this
// page" is then a button that brings the page back with every comment
// ticked, and the shortcuts are not listed.
//
// j / k: next / previous comment; x: tick it or not; p: publish it;
// r: open its reject (or unpublish) form at the reason. Keys never act
// while a field that takes text has the focus, nor with Ctrl, Alt or Cmd.
(function () {
  "use strict";
  var form = document.querySelector("form.queue-form");
  if (!form) {
    return;
  }
  var items = Array.prototype.slice.call(form.querySelectorAll("[data-queue-item]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=comment]"));
  var allBoxes = Array.prototype.slice.call(form.querySelectorAll("input[data-select-all]"));

  // "Select all on this page": a checkbox instead of the button.
  form.querySelectorAll("[data-select-all-button]").forEach(function (button) {
    button.hidden = true;
  });
  form.querySelectorAll("[data-select-all-box]").forEach(function (label) {
    label.hidden = false;
  });
  function showSelection() {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    allBoxes.forEach(function (all) {
      all.checked = ticked > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  }
  allBoxes.forEach(function (all) {
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
      showSelection();
    });
  });
  boxes.forEach(function (box) {
    box.addEventListener("change", showSelection);
  });
  showSelection();

  var keys = document.querySelector("[data-keys]");
  if (keys) {
    keys.hidden = false;
  }

  var current = -1;
  function mark(index) {
    items.forEach(function (item, i) {
      item.classList.toggle("current", i === index);
    });
    current = index;
  }
  function move(index) {
    if (index < 0 || index >= items.length) {
      return;
    }
    mark(index);
    items[index].focus({ preventScroll: true });
    items[index].scrollIntoView({ block: "start" });
  }
  // After a decision the page opens at its confirmation: the next comment
  // is the first one after it.
  function firstAfterConfirmation() {
    var confirmation = document.getElementById("decided");
    if (!confirmation) {
      return 0;
    }
    for (var i = 0; i < items.length; i++) {
      if (confirmation.compareDocumentPosition(items[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
        return i;
      }
    }
    return items.length - 1;
  }
  form.addEventListener("focusin", function (event) {
    var item = event.target.closest("[data-queue-item]");
    if (item) {
      mark(items.indexOf(item));
    }
  });

  function typing(target) {
    if (target.isContentEditable) {
      return true;
    }
    var name = target.tagName;
    if (name === "TEXTAREA" || name === "SELECT") {
      return true;
    }
    return name === "INPUT" && ["checkbox", "radio", "button", "submit", "reset"].indexOf(target.type) < 0;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
      return;
    }
    if (typing(event.target) || items.length === 0) {
      return;
    }
    var item = items[current];
    switch (event.key) {
      case "j":
        move(current < 0 ? firstAfterConfirmation() : Math.min(current + 1, items.length - 1));
        break;
      case "k":
        move(current < 0 ? Math.max(firstAfterConfirmation() - 1, 0) : Math.max(current - 1, 0));
        break;
      case "x":
        if (!item) {
          return;
        }
        var box = item.querySelector("input[name=comment]");
        box.checked = !box.checked;
        showSelection();
        break;
      case "p":
        var publish = item && item.querySelector("[data-key-publish]");
        if (!publish) {
          return;
        }
        publish.click();
        break;
      case "r":
        var reject = item && item.querySelector("details[data-key-reject]");
        if (!reject) {
          return;
        }
        reject.open = true;
        reject.querySelector("select").focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();
