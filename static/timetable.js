// Drag and drop on the Secretariat's timetable grid, as an enhancement: dropping a
// session on a cell sends the same move form as the session's own page (its room, the
// cell's hour, the placement's version), so the server checks it the same way. Without
// JavaScript, or by keyboard, each session's page moves it by choosing a room and start.
// After a move, the moved session's room is scrolled into view.
(function () {
  'use strict';
  var form = document.getElementById('drag-move');
  var grid = document.querySelector('.timetable-grid');
  if (!form || !grid) return;
  var dragged = null;
  grid.querySelectorAll('.slot[data-session]').forEach(function (slot) {
    slot.setAttribute('draggable', 'true');
    slot.addEventListener('dragstart', function (event) {
      dragged = slot;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', slot.dataset.session);
      slot.classList.add('slot-dragged');
    });
    slot.addEventListener('dragend', function () {
      slot.classList.remove('slot-dragged');
      dragged = null;
    });
  });
  grid.querySelectorAll('td[data-room]').forEach(function (cell) {
    cell.addEventListener('dragover', function (event) {
      if (!dragged) return;
      event.preventDefault();
      cell.classList.add('cell-target');
    });
    cell.addEventListener('dragleave', function () { cell.classList.remove('cell-target'); });
    cell.addEventListener('drop', function (event) {
      event.preventDefault();
      cell.classList.remove('cell-target');
      if (!dragged) return;
      form.elements.session.value = dragged.dataset.session;
      form.elements.version.value = dragged.dataset.version;
      form.elements.room.value = cell.dataset.room;
      form.elements.start.value = cell.dataset.start;
      form.submit();
    });
  });
  // After a move, the grid's scrolling region brings the moved session's room into view
  // (a venue has more rooms than a window is wide).
  var moved = document.querySelector('#moved a[href*="/timetable/sessions/"]');
  var target = moved && grid.querySelector('.slot[data-session="' + moved.getAttribute('href').split('/').pop() + '"]');
  if (target) {
    var region = grid.parentElement;
    var offset = target.getBoundingClientRect().left - region.getBoundingClientRect().left;
    region.scrollLeft += offset - (region.clientWidth - target.offsetWidth) / 2;
  }
})();
