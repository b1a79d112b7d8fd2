// Progressive enhancement: a page with a [data-live-topic] region gets that topic's
// updates read out politely (the region is role=status). WebSocket first; Server-Sent
// Events when WebSockets are blocked. Without JavaScript the page works as it is.
// A region with data-live-refresh (ids of parts of the page) shows only the latest
// message, and each message fetches the page again and replaces those parts, except one
// holding the keyboard's focus; clocks ([data-seconds-left], [data-seconds-elapsed]) tick.
(function () {
  'use strict';
  var region = document.querySelector('[data-live-topic]');
  if (!region) return;
  var path = '/live/' + region.getAttribute('data-live-topic');
  var parts = (region.getAttribute('data-live-refresh') || '').split(' ').filter(Boolean);

  function clockText(s) {
    var seconds = s % 60;
    return Math.floor(s / 60) + ':' + (seconds < 10 ? '0' : '') + seconds;
  }
  function tick() {
    var i, el, n;
    var left = document.querySelectorAll('[data-seconds-left]');
    for (i = 0; i < left.length; i++) {
      el = left[i];
      n = Math.max(0, parseInt(el.getAttribute('data-seconds-left'), 10) - 1);
      el.setAttribute('data-seconds-left', n);
      el.textContent = n;
    }
    var elapsed = document.querySelectorAll('[data-seconds-elapsed]');
    for (i = 0; i < elapsed.length; i++) {
      el = elapsed[i];
      n = parseInt(el.getAttribute('data-seconds-elapsed'), 10) + 1;
      el.setAttribute('data-seconds-elapsed', n);
      el.textContent = clockText(n);
    }
  }
  if (parts.length) setInterval(tick, 1000);

  function refresh() {
    if (!parts.length || !window.fetch || !window.DOMParser) return;
    fetch(location.pathname, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      parts.forEach(function (id) {
        var part = document.getElementById(id);
        var next = fresh.getElementById(id);
        if (!part || !next || part.contains(document.activeElement)) return;
        part.innerHTML = next.innerHTML;
      });
    }).catch(function () {});
  }

  function show(data) {
    var message;
    try { message = JSON.parse(data); } catch (e) { return; }
    refresh();
    if (!message.text) return;
    var p = document.createElement('p');
    p.textContent = message.text;
    if (parts.length) region.textContent = '';
    region.appendChild(p);
  }

  function followEvents() {
    if (!window.EventSource) return;
    var source = new EventSource(path);
    source.onmessage = function (e) { show(e.data); };
  }

  if (!window.WebSocket) return followEvents();
  // The server closes a quiet socket after a while; an opened one is opened again.
  function followSocket() {
    var opened = false;
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path);
    socket.onopen = function () { opened = true; region.setAttribute('data-live', 'websocket'); };
    socket.onmessage = function (e) { show(e.data); };
    socket.onclose = function () {
      if (!opened) return followEvents();
      setTimeout(followSocket, 3000);
    };
  }
  followSocket();
})();
