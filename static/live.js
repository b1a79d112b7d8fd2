// Progressive enhancement: a page with a [data-live-topic] region gets that topic's
// updates read out politely (the region is role=status). WebSocket first; Server-Sent
// Events when WebSockets are blocked. Without JavaScript the page works as it is.
(function () {
  'use strict';
  var region = document.querySelector('[data-live-topic]');
  if (!region) return;
  var path = '/live/' + region.getAttribute('data-live-topic');

  function show(data) {
    var message;
    try { message = JSON.parse(data); } catch (e) { return; }
    if (!message.text) return;
    var p = document.createElement('p');
    p.textContent = message.text;
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
