// A search box above a long select list (the time zones): typing part of a
// name keeps only the matching choices. Without JavaScript the grouped
// select works on its own; nothing else depends on this file.
(function () {
  "use strict";
  document.querySelectorAll("select[data-filter-label]").forEach(function (select) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-filter";
    input.autocomplete = "off";
    label.htmlFor = input.id;
    label.textContent = select.getAttribute("data-filter-label");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLowerCase();
      select.querySelectorAll("optgroup").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll("option").forEach(function (option) {
          var text = (group.label + " " + option.textContent + " " + option.value).toLowerCase();
          option.hidden = wanted !== "" && text.indexOf(wanted) === -1 && !option.selected;
          if (!option.hidden) {
            shown += 1;
          }
        });
        group.hidden = shown === 0;
      });
    });
  });
})();
