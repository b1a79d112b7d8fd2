// Progressive enhancement: next to each UTC time marked data-utc, the same instant in
// the reader's own time zone. Without JavaScript the UTC text stands alone.
(function () {
  'use strict';
  var marked = document.querySelectorAll('[data-utc]');
  for (var i = 0; i < marked.length; i++) {
    var utc = marked[i].getAttribute('data-utc');
    var when = new Date(utc);
    if (!utc || isNaN(when.getTime())) continue;
    var note = document.createElement('span');
    note.className = 'local-time';
    // dateStyle and timeStyle may not be combined with timeZoneName: name each part.
    note.textContent = ' (your time: ' + when.toLocaleString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    }) + ')';
    marked[i].appendChild(note);
  }
})();
