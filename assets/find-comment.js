// A link to a comment that is on another page of its roundtable (#c-… from
// a feed, an old bookmark or a pasted address) asks the server for the page
// that holds it (?comment=c-…). Without JavaScript the reader stays on the
// page asked for; every link the site writes already names the comment.
(function () {
  "use strict";
  function find() {
    var hash = window.location.hash;
    if (!/^#c-[0-9a-f]{4,32}$/i.test(hash) || document.getElementById(hash.slice(1))) {
      return;
    }
    var query = new URLSearchParams(window.location.search);
    if (query.get("comment") === hash.slice(1)) {
      return;
    }
    // The comment may answer another question than the one read now.
    query.delete("page");
    query.delete("question");
    query.set("comment", hash.slice(1));
    window.location.replace(window.location.pathname + "?" + query.toString() + hash);
  }
  find();
  window.addEventListener("hashchange", find);
})();
