// Progressive enhancement of the captioner's page: what the captioner types is sent as
// chunks every few seconds and on Enter (a correction to text already sent goes out as
// backspaces, as CART software sends them), each with its sequence number. Chunks wait
// in a buffer, kept in localStorage so a reload keeps them, until the server acknowledges
// them; they are sent one at a time, in order, and again after a failure, so a dropped
// connection loses nothing (and the server ignores a chunk it already has). Without
// JavaScript the form posts one chunk at a time.
(function () {
  'use strict';
  var form = document.getElementById('caption-form');
  if (!form || !window.fetch || !window.JSON) return;
  var box = document.getElementById('field-text');
  var status = document.getElementById('caption-status');
  var speaker = document.getElementById('caption-speaker');
  var insert = document.getElementById('insert-speaker');
  var languageSelect = document.getElementById('caption-language');
  var api = form.getAttribute('data-api');
  var key = form.getAttribute('data-storage-key');
  var csrf = form.querySelector('input[name=csrf_token]').value;
  var language = languageSelect ? languageSelect.value
    : form.querySelector('input[name=language]').value;
  var needsBreak = form.hasAttribute('data-needs-break');
  var says = function (name) { return status.getAttribute('data-' + name) || ''; };

  var saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
  var pending = (saved && saved.pending) || [];
  var next = parseInt(form.getAttribute('data-next-sequence'), 10) || 1;
  if (pending.length) next = Math.max(next, pending[pending.length - 1].sequence + 1);
  var committed = '';  // the box's text as far as the chunks made so far carry it
  var sending = false, delay = 1000, timer = null, shown = null, problem = '';

  function save() {
    try { window.localStorage.setItem(key, JSON.stringify({ pending: pending, next: next })); } catch (e) { /* private mode: memory only */ }
  }
  function show() {
    var text = problem || (pending.length ? says('waiting').replace('N', pending.length) : says('sent'));
    if (text !== shown) { status.textContent = text; shown = text; }
  }
  function schedule(ms) {
    if (timer) return;
    timer = setTimeout(function () { timer = null; pump(); }, ms);
  }
  function pump() {
    if (sending || !pending.length) { show(); return; }
    sending = true;
    var chunk = pending[0];
    fetch(api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ sequence: chunk.sequence, language: chunk.language, text: chunk.text })
    }).then(function (r) {
      sending = false;
      if (r.ok) {
        pending.shift(); delay = 1000; problem = ''; save(); show(); pump();
        return;
      }
      if (r.status === 422) {
        // Refused for good: drop it and number the chunks after it one lower, so no
        // gap holds them back.
        pending.shift();
        pending.forEach(function (c) { c.sequence -= 1; });
        next -= 1;
        return r.json().then(function (p) {
          problem = says('refused') + ' ' + ((p.errors && p.errors[0] && p.errors[0].message) || p.detail || '');
          save(); show(); pump();
        }, function () { save(); pump(); });
      }
      if (r.status === 409) {
        // Another captioner took this number (a handover): number what waits from the
        // next free one and send again; else the room is closed.
        return r.json().then(function (p) {
          var taken = p.errors && p.errors[0] && p.errors[0].field === 'sequence' && /(\d+)/.exec(p.errors[0].message);
          if (!taken) { problem = says('closed'); show(); return; }
          var shift = parseInt(taken[1], 10) - pending[0].sequence;
          pending.forEach(function (c) { c.sequence += shift; });
          next += shift;
          save(); show(); pump();
        }, function () { problem = says('closed'); show(); });
      }
      problem = r.status === 401 || r.status === 403 ? says('signed-out') : '';
      show();
      schedule(delay); delay = Math.min(delay * 2, 10000);
    }, function () {
      sending = false; problem = ''; show();
      schedule(delay); delay = Math.min(delay * 2, 10000);
    });
  }
  function enqueue(text) {
    pending.push({ sequence: next, language: language, text: text });
    next += 1;
    save(); show(); pump();
  }
  // Sends what changed in the box since the last chunk.
  function flush() {
    var now = box.value;
    if (now === committed) return;
    var i = 0;
    while (i < now.length && i < committed.length && now.charAt(i) === committed.charAt(i)) i++;
    if (i > 0 && /[\uD800-\uDBFF]/.test(committed.charAt(i - 1))) i--;  // whole code points
    var removed = Array.from(committed.slice(i)).length;
    var text = new Array(removed + 1).join('\b') + now.slice(i);
    if (needsBreak && committed === '' && text.charAt(0) !== '\n') text = '\n' + text;
    needsBreak = false;
    committed = now;
    enqueue(text);
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); flush(); box.focus(); });
  box.addEventListener('keyup', function (event) { if (event.key === 'Enter') flush(); });
  setInterval(flush, 3000);
  window.addEventListener('online', function () { delay = 1000; pump(); });
  window.addEventListener('pagehide', flush);
  if (languageSelect) languageSelect.addEventListener('change', function () {
    flush();
    window.location.search = '?language=' + encodeURIComponent(languageSelect.value);
  });
  if (insert && speaker) {
    insert.hidden = false;
    insert.addEventListener('click', function () {
      var name = speaker.value;
      if (!name) { box.focus(); return; }
      var at = box.selectionStart, before = box.value.slice(0, at);
      var turn = (before && before.charAt(before.length - 1) !== '\n' ? '\n' : '') + '>> ' + name + ': ';
      box.value = before + turn + box.value.slice(box.selectionEnd);
      box.focus();
      box.selectionStart = box.selectionEnd = at + turn.length;
    });
  }
  show();
  pump();
}());
