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
    note.textContent = ' (your time: ' + when.toLocaleString(undefined, {
      dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short'
    }) + ')';
    marked[i].appendChild(note);
  }
})();
