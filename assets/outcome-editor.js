// The outcome editor's list of comments beside each question: a box that
// filters the list as one types, and a "Cite" button beside each comment
// that writes its reference where the cursor stands in that question's
// text (or in the field of that question last written in). Without
// JavaScript every comment is listed and each reference is selectable
// text; nothing else depends on this file.
(function () {
  "use strict";
  var form = document.querySelector("form.outcome-editor");
  if (!form) {
    return;
  }
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.insertBefore(status, form.firstChild);

  // The text field written in last, wherever it is, and those written in
  // at all (where the cursor stands means something only in those).
  var lastField = null;
  form.addEventListener("focusin", function (event) {
    if (event.target.tagName === "TEXTAREA") {
      lastField = event.target;
      lastField.setAttribute("data-visited", "");
    }
  });

  // Case and accents do not matter: "sao" finds "São".
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function labelOf(field) {
    var label = form.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : field.name;
  }

  // The field a Cite in this block writes into: the one last written in,
  // if it belongs to the block, else the block's first.
  function targetOf(block) {
    var ids = (block.getAttribute("data-cite-fields") || "").split(" ").filter(Boolean);
    if (lastField && ids.indexOf(lastField.id) >= 0) {
      return lastField;
    }
    return ids.length ? document.getElementById(ids[0]) : null;
  }

  function insert(field, reference) {
    if (!field.hasAttribute("data-visited")) {
      field.setSelectionRange(field.value.length, field.value.length);
    }
    var start = field.selectionStart;
    var end = field.selectionEnd;
    var before = field.value.slice(0, start);
    var after = field.value.slice(end);
    var text = reference;
    if (before && !/[\s(\[]$/.test(before)) {
      text = " " + text;
    }
    if (after && !/^[\s.,;:)\]]/.test(after)) {
      text = text + " ";
    }
    field.value = before + text + after;
    var caret = before.length + text.length;
    field.focus();
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  var filterNumber = 0;
  function addFilter(list) {
    var items = Array.prototype.slice.call(list.children);
    var texts = items.map(function (item) {
      return folded(item.textContent);
    });
    filterNumber += 1;
    var id = "outcome-filter-" + filterNumber;
    var field = document.createElement("div");
    field.className = "field source-filter";
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = form.getAttribute("data-filter-label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var count = document.createElement("p");
    count.className = "note";
    count.id = id + "-count";
    count.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", count.id);
    field.appendChild(label);
    field.appendChild(input);
    field.appendChild(count);
    list.parentNode.insertBefore(field, list);
    input.addEventListener("input", function () {
      var wanted = folded(input.value.trim());
      var shown = 0;
      items.forEach(function (item, i) {
        var match = !wanted || texts[i].indexOf(wanted) >= 0;
        item.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      count.textContent = wanted
        ? form.getAttribute("data-filter-count")
            .replace("{shown}", shown)
            .replace("{total}", items.length)
        : "";
    });
  }

  form.querySelectorAll(".outcome-block").forEach(function (block) {
    var list = block.querySelector("ol.source-list");
    if (!list) {
      return;
    }
    addFilter(list);
    list.querySelectorAll("code.reference").forEach(function (code) {
      var reference = code.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary cite-button";
      button.textContent = form.getAttribute("data-cite-label");
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + reference;
      button.appendChild(hidden);
      button.addEventListener("click", function () {
        var field = targetOf(block);
        if (!field) {
          return;
        }
        insert(field, reference);
        status.textContent = form.getAttribute("data-cited")
          .replace("{reference}", reference)
          .replace("{field}", labelOf(field));
      });
      code.insertAdjacentText("afterend", " ");
      code.parentNode.insertBefore(button, code.nextSibling.nextSibling);
    });
  });
})();
