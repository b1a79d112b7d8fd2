// Progressive enhancement: after each time the server wrote in the venue's zone and UTC
// (<time datetime> or an element marked data-utc), the same instant in the reader's own
// zone. Without JavaScript, or for a reader at the venue or in UTC, the page stands as is.
(function () {
  'use strict';
  var reader;
  try {
    reader = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!reader || /^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/.test(reader)) return;
  var root = document.documentElement;
  var locale = root.getAttribute('data-time-locale') || undefined;
  var words = root.getAttribute('data-your-time') || 'your time';
  var city = reader.slice(reader.lastIndexOf('/') + 1).replace(/_/g, ' ');
  var parts;
  try {
    // Named parts, not dateStyle: dateStyle may not be combined with other options.
    parts = new Intl.DateTimeFormat(locale, {
      timeZone: reader, year: 'numeric', month: 'long', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    });
  } catch (e) {
    return;
  }
  function written(when) {
    var p = {};
    parts.formatToParts(when).forEach(function (part) { p[part.type] = part.value; });
    return p.day + ' ' + p.month + ' ' + p.year + ', ' + p.hour + ':' + p.minute;
  }
  var marked = document.querySelectorAll('time[datetime][data-zone], [data-utc]');
  for (var i = 0; i < marked.length; i++) {
    var el = marked[i];
    var iso = el.getAttribute('datetime') || el.getAttribute('data-utc');
    var when = new Date(iso);
    if (!iso || isNaN(when.getTime()) || el.getAttribute('data-zone') === reader) continue;
    if (el.nextElementSibling && el.nextElementSibling.className === 'local-time') continue;
    var note = document.createElement('span');
    note.className = 'local-time';
    note.textContent = ' · ' + written(when) + ' (' + words + ', ' + city + ')';
    el.insertAdjacentElement('afterend', note);
  }
})();
