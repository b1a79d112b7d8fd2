// Progressive enhancement of the caption viewers (a room's "Captions" section and the
// full-screen view). Without JavaScript both show the captions as they were when the page
// was sent, and the full-screen controls are plain links.
// Each [data-caption-topic] log follows its live topic (WebSocket first, Server-Sent
// Events when WebSockets are blocked), applies each chunk once and in order (backspaces
// included) to the text of the last turn, and groups the text into turns by ">> NAME:".
// Whenever its connection opens (first time or after a drop) it asks the pull endpoint
// for what came after the last sequence shown, so nothing is lost and nothing doubled.
// A reader who scrolled up keeps their place ("jump to the latest" appears); a hidden
// polite region reads completed sentences, at most every two seconds.
(function () {
  'use strict';
  var announceEvery = 2000;
  var sizes = { min: 1, max: 6 };
  var contrasts = ['light', 'dark', 'yellow'];

  function applyBackspaces(before, chunk) {
    var out = Array.from(before);
    Array.from(chunk).forEach(function (c) {
      if (c === '\b') out.pop(); else out.push(c);
    });
    return out.join('');
  }

  // As core/live/captions.cpp caption_turns: a turn begins at each line starting with
  // ">>"; "NAME:" (mostly capitals) names its speaker.
  function captionTurns(text) {
    var turns = [];
    text.split('\n').forEach(function (line) {
      if (line.slice(-1) === '\r') line = line.slice(0, -1);
      if (line.indexOf('>>') === 0) {
        var rest = line.slice(2);
        var colon = rest.indexOf(':');
        var named = colon > 0 && colon <= 80;
        if (named) {
          var name = rest.slice(0, colon);
          var upper = (name.match(/[A-Z]/g) || []).length;
          var lower = (name.match(/[a-z]/g) || []).length;
          named = upper >= 2 && upper >= lower;
        }
        turns.push(named ? { speaker: rest.slice(0, colon).trim(), text: rest.slice(colon + 1).trim() }
          : { speaker: '', text: rest.trim() });
      } else if (line.trim()) {
        if (!turns.length) turns.push({ speaker: '', text: '' });
        var t = turns[turns.length - 1];
        t.text += (t.text ? ' ' : '') + line.trim();
      }
    });
    return turns;
  }

  function lastTurnStart(text) {
    var found = 0, start = 0;
    while (start < text.length) {
      if (text.substr(start, 2) === '>>') found = start;
      var end = text.indexOf('\n', start);
      if (end < 0) break;
      start = end + 1;
    }
    return found;
  }

  // The end of the last whole sentence in `text` (after ".", "?", "!" or "…").
  function sentenceEnd(text) {
    var m = /^[\s\S]*[.?!…]["'”’)]*(?=\s|$)/.exec(text);
    return m ? m[0].length : 0;
  }

  function follow(log) {
    var heading = 'h' + (log.getAttribute('data-caption-heading') || '3');
    var language = log.getAttribute('data-caption-language');
    var pull = log.getAttribute('data-caption-pull');
    var path = '/live/' + log.getAttribute('data-caption-topic');
    var last = parseInt(log.getAttribute('data-caption-last'), 10) || 0;
    var tail = log.getAttribute('data-caption-tail') || '';
    var held = {};
    var section = log.parentNode;
    var jump = section.querySelector('.caption-jump');
    var announcer = section.querySelector('[data-caption-announcer]');
    var pending = [];
    var openTurns = captionTurns(tail);
    // What the server sent is on screen already: only what follows is read out.
    var spoken = openTurns.length ? openTurns[openTurns.length - 1].text.length : 0;
    var pulling = false, pullAgain = false;

    function nearBottom() {
      return log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    }
    function toBottom() {
      log.scrollTop = log.scrollHeight;
      if (jump) jump.hidden = true;
    }

    function turnElement(turn, open) {
      var div = document.createElement('div');
      div.className = 'caption-turn';
      if (open) div.setAttribute('data-caption-open', '');
      if (turn.speaker) {
        var h = document.createElement(heading);
        h.className = 'caption-speaker';
        h.textContent = turn.speaker;
        div.appendChild(h);
      }
      var p = document.createElement('p');
      p.textContent = turn.text;
      div.appendChild(p);
      return div;
    }

    function say(turn, from, to) {
      var words = turn.text.slice(from, to).trim();
      if (!words) return;
      pending.push((from === 0 && turn.speaker ? turn.speaker + ': ' : '') + words);
    }

    function render() {
      var bottom = nearBottom();  // measured now: a scroll event may not have run yet
      var turns = captionTurns(tail);
      var old = log.querySelectorAll('[data-caption-open]');
      for (var i = 0; i < old.length; i++) log.removeChild(old[i]);
      var empty = log.querySelector('.caption-empty');
      if (empty && turns.length) log.removeChild(empty);
      if (turns.length > 1) {
        // A new turn began: those before it are settled, read out whole.
        var split = lastTurnStart(tail);
        var settled = captionTurns(tail.slice(0, split));
        settled.forEach(function (turn, n) {
          log.appendChild(turnElement(turn, false));
          say(turn, n === 0 ? Math.min(spoken, turn.text.length) : 0);
        });
        tail = tail.slice(split);
        turns = captionTurns(tail);
        spoken = 0;
      }
      turns.forEach(function (turn) { log.appendChild(turnElement(turn, true)); });
      var open = turns[turns.length - 1];
      if (open) {
        if (spoken > open.text.length) spoken = open.text.length;
        var end = sentenceEnd(open.text);
        if (end > spoken) { say(open, spoken, end); spoken = end; }
      }
      log.setAttribute('data-caption-last', last);
      if (bottom) toBottom(); else if (jump) jump.hidden = false;
    }

    function apply(sequence, text) {
      tail = applyBackspaces(tail, text);
      last = sequence;
      while (held[last + 1] !== undefined) {
        var next = held[last + 1];
        delete held[last + 1];
        tail = applyBackspaces(tail, next);
        last += 1;
      }
      render();
    }

    function accept(sequence, text) {
      if (typeof sequence !== 'number' || typeof text !== 'string') return;
      if (sequence <= last || held[sequence] !== undefined) return;  // shown already
      if (sequence === last + 1) return apply(sequence, text);
      held[sequence] = text;  // a gap: ask for what is missing
      resume();
    }

    function resume() {
      if (!window.fetch || !pull) return;
      if (pulling) { pullAgain = true; return; }
      pulling = true;
      var url = pull + '?language=' + encodeURIComponent(language) + '&last=' + last;
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { chunks: [] }; })
        .then(function (body) {
          var chunks = body.chunks || [];
          chunks.forEach(function (c) { accept(c.sequence, c.text); });
          // An answer holds a limited number of chunks: ask again until none is left.
          if (chunks.length) pullAgain = true;
        })
        .catch(function () {})
        .then(function () {
          pulling = false;
          if (pullAgain) { pullAgain = false; resume(); }
        });
    }

    function receive(data) {
      var message;
      try { message = JSON.parse(data); } catch (e) { return; }
      if (message.language && message.language !== language) return;
      accept(message.sequence, message.text);
    }

    setInterval(function () {
      if (!pending.length || !announcer) return;
      var p = document.createElement('p');
      p.textContent = pending.join(' ');
      pending = [];
      announcer.appendChild(p);
      while (announcer.childNodes.length > 3) announcer.removeChild(announcer.firstChild);
    }, announceEvery);

    if (jump) jump.addEventListener('click', function () { toBottom(); log.focus(); });
    // Kept at the latest while the reader is there, also when the window changes size.
    var stuck = true;
    log.addEventListener('scroll', function () {
      stuck = nearBottom();
      if (jump && stuck) jump.hidden = true;
    });
    if (window.ResizeObserver) new ResizeObserver(function () { if (stuck) toBottom(); }).observe(log);
    toBottom();

    function followEvents() {
      if (!window.EventSource) return;
      var source = new EventSource(path);
      source.onopen = function () { log.setAttribute('data-live', 'events'); resume(); };
      source.onmessage = function (e) { receive(e.data); };
    }
    if (!window.WebSocket) return followEvents();
    // A socket that opened and closed (the server restarted, the network dropped, a
    // quiet stream timed out) opens again and resumes from the last sequence shown.
    function followSocket() {
      var opened = false;
      var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path);
      socket.onopen = function () { opened = true; log.setAttribute('data-live', 'websocket'); resume(); };
      socket.onmessage = function (e) { receive(e.data); };
      socket.onclose = function () {
        log.removeAttribute('data-live');
        if (!opened) return followEvents();
        setTimeout(followSocket, 1000 + Math.floor(Math.random() * 1000));
      };
    }
    followSocket();
  }

  // The full-screen view's size and contrast: kept in localStorage; the links' addresses
  // follow, so that a reload or a shared link shows the same.
  function display() {
    var body = document.body;
    if (!body.hasAttribute('data-caption-size')) return;
    var params = new URLSearchParams(location.search);
    var stored = {};
    try { stored = JSON.parse(localStorage.getItem('convene.captions') || '{}') || {}; } catch (e) { stored = {}; }
    var size = parseInt(body.getAttribute('data-caption-size'), 10);
    var contrast = body.getAttribute('data-caption-contrast');
    if (!params.get('size') && stored.size >= sizes.min && stored.size <= sizes.max) size = stored.size;
    if (!params.get('contrast') && contrasts.indexOf(stored.contrast) >= 0) contrast = stored.contrast;

    function withDisplay(href, s, c) {
      var url = new URL(href, location.href);
      url.searchParams.set('size', s);
      url.searchParams.set('contrast', c);
      return url.pathname + url.search;
    }
    function show(save) {
      var logs = document.querySelectorAll('.caption-log');
      var bottoms = Array.prototype.map.call(logs, function (l) {
        return l.scrollHeight - l.scrollTop - l.clientHeight < 24;
      });
      body.className = body.className.replace(/\b(caption-size-\d|contrast-\w+)\b/g, '').trim() +
        ' caption-size-' + size + ' contrast-' + contrast;
      body.setAttribute('data-caption-size', size);
      body.setAttribute('data-caption-contrast', contrast);
      Array.prototype.forEach.call(document.querySelectorAll('.captions-controls a'), function (a) {
        var step = parseInt(a.getAttribute('data-caption-step'), 10);
        var choice = a.getAttribute('data-caption-contrast-choice');
        if (step) {
          var next = Math.min(sizes.max, Math.max(sizes.min, size + step));
          a.setAttribute('href', withDisplay(a.getAttribute('href'), next, contrast));
          if (next === size) a.setAttribute('aria-disabled', 'true'); else a.removeAttribute('aria-disabled');
        } else if (choice) {
          a.setAttribute('href', withDisplay(a.getAttribute('href'), size, choice));
          if (choice === contrast) a.setAttribute('aria-current', 'true'); else a.removeAttribute('aria-current');
        } else if (a.hasAttribute('lang')) {
          a.setAttribute('href', withDisplay(a.getAttribute('href'), size, contrast));
        }
      });
      Array.prototype.forEach.call(logs, function (l, i) { if (bottoms[i]) l.scrollTop = l.scrollHeight; });
      if (!save) return;
      try { localStorage.setItem('convene.captions', JSON.stringify({ size: size, contrast: contrast })); } catch (e) { /* private mode */ }
      if (history.replaceState) history.replaceState(null, '', withDisplay(location.href, size, contrast));
    }
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('.captions-controls a[data-caption-step], .captions-controls a[data-caption-contrast-choice]');
      if (!a) return;
      e.preventDefault();
      var step = parseInt(a.getAttribute('data-caption-step'), 10);
      if (step) size = Math.min(sizes.max, Math.max(sizes.min, size + step));
      else contrast = a.getAttribute('data-caption-contrast-choice');
      show(true);
    });
    show(params.has('size') || params.has('contrast'));
  }

  display();
  Array.prototype.forEach.call(document.querySelectorAll('[data-caption-topic]'), follow);
})();
