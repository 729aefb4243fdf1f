// Draws each process diagram with the bpmn-js viewer from its model, marks the active elements and
// shows how many instances each has. Without JavaScript the server's own drawing stays.
(function () {
  'use strict';

  async function draw(container) {
    const response = await fetch(container.dataset.model, { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const xml = await response.text();
    const canvasHost = document.createElement('div');
    canvasHost.className = 'bpmn-canvas';
    const viewer = new BpmnJS({ container: canvasHost });
    container.replaceChildren(canvasHost);
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    // As tall as the model's shape needs at the page's width, within bounds; then fit it.
    const inner = canvas.viewbox().inner;
    if (inner.width > 0) {
      const height = (canvasHost.clientWidth * inner.height) / inner.width + 48;
      canvasHost.style.height = Math.round(Math.min(Math.max(height, 180), 560)) + 'px';
      canvas.resized();
    }
    canvas.zoom('fit-viewport', 'auto');
    const active = JSON.parse(container.dataset.active || '{}');
    for (const [elementId, count] of Object.entries(active)) {
      try {
        canvas.addMarker(elementId, 'active');
        const badge = document.createElement('span');
        badge.className = 'instance-count';
        badge.textContent = String(count);
        overlays.add(elementId, { position: { bottom: 6, right: 12 }, html: badge });
      } catch (e) {
        // an element of another version of the model: nothing to mark
      }
    }
    container.dataset.drawn = 'true';
  }

  function drawAll() {
    if (typeof BpmnJS === 'undefined') {
      return;
    }
    document.querySelectorAll('.diagram[data-model]').forEach(function (container) {
      draw(container).catch(function () {
        // keep the server's drawing
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
