// The embeddable widget's loader, served as /widget.js (the server wraps it in a closure together with
// contrast.js, the shadow-root styles VIRAGE_CSS and the defaults VIRAGE_DEFAULTS).
//
// Why an iframe for Web Chat, and a shadow root only for the bubble:
// - Web Chat injects global <style> elements into document.head (emotion) and would receive the host
//   site's own global rules (button, input, *…); inside a shadow root its styles would not apply at all.
//   An iframe served by us isolates both ways, keeps Web Chat's 4 MB of React out of the CCI's page
//   (no clash with its scripts or globals) and lets us set our own strict CSP on the chat.
// - The token request then comes from our own origin (no CORS needed); ALLOWED_ORIGINS is enforced by
//   the frame's CSP frame-ancestors: a site that is not listed cannot show the chat.
// - The frame's storage belongs to the bot origin (partitioned per top-level site by browsers: it
//   follows the visitor across the CCI's pages). If the browser refuses storage to embedded frames,
//   the frame asks this loader to keep its state in the host site's storage instead.
// CNIL: before the visitor opens the chat nothing is stored and nothing but this file is requested: the
// iframe (and with it Web Chat, the token, the connection) is created on the first opening only.
/* global VIRAGE_DEFAULTS, VIRAGE_CSS, VirageContrast */
var HOST_KEY = 'virage.widget.host.v1';
var READY_TIMEOUT_MS = 20000;

var script = document.currentScript || document.querySelector('script[src$="/widget.js"], script[src*="/widget.js?"]');
if (!script || !script.src || window.VirageWidget) return;

var botOrigin = new URL(script.src, window.location.href).origin;
var data = script.dataset || {};
var title = String(data.title || VIRAGE_DEFAULTS.title).replace(/\s+/g, ' ').trim().slice(0, 60) || VIRAGE_DEFAULTS.title;
var theme = VirageContrast.readableTheme(data.color, VIRAGE_DEFAULTS.color);
var logo = safeLogo(data.logo);

/** A logo is shown only from an https address or from the host site itself (never data:, javascript:…). */
function safeLogo(value) {
  if (!value) return '';
  try {
    var url = new URL(value, window.location.href);
    if (url.protocol === 'https:' || (window.location.origin !== 'null' && url.origin === window.location.origin)) return url.href;
  } catch (e) {
    // not a URL
  }
  return '';
}

function loadHost() {
  try {
    var saved = JSON.parse(window.localStorage.getItem(HOST_KEY) || 'null');
    return saved && typeof saved === 'object' ? saved : null;
  } catch (e) {
    return null;
  }
}

function saveHost(patch) {
  try {
    var next = loadHost() || {};
    for (var k in patch) if (Object.prototype.hasOwnProperty.call(patch, k)) next[k] = patch[k];
    window.localStorage.setItem(HOST_KEY, JSON.stringify(next));
  } catch (e) {
    // storage refused: the panel simply will not reopen by itself on the next page
  }
}

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  for (var name in attrs) if (Object.prototype.hasOwnProperty.call(attrs, name)) node.setAttribute(name, attrs[name]);
  (children || []).forEach(function (child) {
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

function icon(path) {
  var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  var p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', path);
  svg.appendChild(p);
  return svg;
}

// ---- the DOM: a host element with a shadow root (host page styles do not reach in) ----
var host = el('div', { 'data-virage-widget': '' });
host.style.setProperty('--virage-bg', theme.background);
host.style.setProperty('--virage-fg', theme.text);
host.style.setProperty('--virage-on-white', theme.onWhite);
var shadow = host.attachShadow({ mode: 'open' });
if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
  var sheet = new CSSStyleSheet(); // not subject to the host page's style-src CSP, unlike <style>
  sheet.replaceSync(VIRAGE_CSS);
  shadow.adoptedStyleSheets = [sheet];
} else {
  shadow.appendChild(el('style', {}, [VIRAGE_CSS]));
}

var badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' }, ['0']);
var bubble = el('button', { class: 'bubble', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'virage-panel' }, [
  icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z'),
  badge,
]);
var restartButton = el('button', { class: 'restart', type: 'button', 'aria-label': 'Nouvelle conversation', title: 'Nouvelle conversation' }, [
  icon('M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z'),
]);
var closeButton = el('button', { class: 'close', type: 'button', 'aria-label': 'Fermer la conversation' }, [
  icon('M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z'),
]);
var headerItems = [];
if (logo) headerItems.push(el('img', { class: 'logo', src: logo, alt: '' }));
headerItems.push(el('p', { class: 'title' }, [title]), restartButton, closeButton);
var status = el('p', { class: 'status', role: 'status' });
var body = el('div', { class: 'body' }, [status]);
var panel = el('div', { class: 'panel', id: 'virage-panel', role: 'dialog', 'aria-label': 'Conversation avec ' + title }, [
  el('div', { class: 'header' }, headerItems),
  body,
]);
var announcer = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
var root = el('div', { class: 'root' }, [bubble, panel, announcer]);
shadow.appendChild(root);

// ---- state ----
var frame = null;
var frameReady = false; // the frame answered (hello)
var readyTimer = null;
var isOpen = false;
var unread = 0;
var focusOnReady = false;

function post(message) {
  if (frame && frame.contentWindow && frameReady) frame.contentWindow.postMessage(message, botOrigin);
}

function showStatus(text, isError) {
  status.textContent = text || '';
  status.classList.toggle('error', !!isError);
}

function renderBubble() {
  var label = 'Ouvrir la conversation avec ' + title;
  if (unread > 0) label += ' (' + unread + (unread > 1 ? ' nouveaux messages)' : ' nouveau message)');
  bubble.setAttribute('aria-label', isOpen ? 'Fermer la conversation avec ' + title : label);
  bubble.setAttribute('aria-expanded', String(isOpen));
  badge.textContent = String(unread > 9 ? '9+' : unread);
  if (unread > 0 && !isOpen) badge.removeAttribute('hidden');
  else badge.setAttribute('hidden', '');
}

function createFrame() {
  var src = botOrigin + '/widget/frame?color=' + encodeURIComponent(theme.background) + '&title=' + encodeURIComponent(title);
  frame = el('iframe', { src: src, title: 'Conversation avec ' + title });
  body.appendChild(frame);
  showStatus('Chargement de la conversation…', false);
  readyTimer = window.setTimeout(function () {
    if (frameReady) return;
    showStatus('Le service de conversation ne répond pas pour le moment. Réessayez plus tard.', true);
    frame.style.visibility = 'hidden';
  }, READY_TIMEOUT_MS);
}

function open(options) {
  var moveFocus = !options || options.focus !== false;
  if (!frame) createFrame();
  isOpen = true;
  unread = 0;
  panel.classList.add('open');
  root.classList.add('is-open');
  renderBubble();
  saveHost({ open: true });
  if (frameReady && moveFocus) {
    frame.focus();
    post({ virage: 'open', focus: true });
  } else {
    focusOnReady = moveFocus;
    post({ virage: 'open', focus: false });
  }
}

function close(returnFocus) {
  if (!isOpen) return;
  isOpen = false;
  panel.classList.remove('open');
  root.classList.remove('is-open');
  renderBubble();
  saveHost({ open: false });
  post({ virage: 'hide' });
  if (returnFocus) bubble.focus();
}

bubble.addEventListener('click', function () {
  if (isOpen) close(true);
  else open({ focus: true });
});
closeButton.addEventListener('click', function () {
  close(true);
});
restartButton.addEventListener('click', function () {
  unread = 0;
  post({ virage: 'new' });
  if (frame) frame.focus();
});
shadow.addEventListener('keydown', function (event) {
  if (event.key === 'Escape' && isOpen) {
    event.preventDefault();
    close(true);
  }
});

// Messages from the chat frame: only from our iframe and our origin. They carry no conversation text.
window.addEventListener('message', function (event) {
  if (!frame || event.source !== frame.contentWindow || event.origin !== botOrigin) return;
  var msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.virage !== 'string') return;
  if (msg.virage === 'hello') {
    frameReady = true;
    window.clearTimeout(readyTimer);
    var saved = loadHost();
    frame.contentWindow.postMessage({ virage: 'init', open: isOpen, focus: isOpen && focusOnReady, saved: (saved && saved.conversation) || null }, botOrigin);
    if (isOpen && focusOnReady) frame.focus();
    focusOnReady = false;
  } else if (msg.virage === 'ready') {
    showStatus('', false);
  } else if (msg.virage === 'failed') {
    showStatus('', false); // the frame shows its own French message
  } else if (msg.virage === 'message') {
    if (isOpen) return; // Web Chat's own live region reads it
    unread += 1;
    renderBubble();
    announcer.textContent = unread > 1 ? unread + ' nouveaux messages de ' + title : 'Nouveau message de ' + title;
  } else if (msg.virage === 'close') {
    close(true);
  } else if (msg.virage === 'save') {
    // the frame has no storage of its own in this browser: keep its state in the host site's
    saveHost({ conversation: msg.state && typeof msg.state === 'object' ? msg.state : null });
  }
});

window.VirageWidget = {
  open: function () {
    open({ focus: true });
  },
  close: function () {
    close(false);
  },
};

function mount() {
  document.body.appendChild(host);
  renderBubble();
  // The visitor had the chat open on the previous page: reopen it, without taking the focus.
  var saved = loadHost();
  if (saved && saved.open === true) open({ focus: false });
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount);
