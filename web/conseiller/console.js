// Advisor console. Everything a user typed reaches the page as text (textContent), never parsed as HTML.
// Talks to /api/conseiller/* (session cookie + X-CSRF-Token) and listens on /conseiller/ws.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { csrf: '', selected: '', socket: null, retry: 0 };
  const STATUS = { en_attente: 'En attente', en_cours: 'En cours', rappel: 'Nouveau (à rappeler)', rappele: 'Rappelé', clos: 'Clos' };
  const TICKET = { rappel: 'nouveau', en_cours: 'en_cours', rappele: 'rappele', clos: 'clos', en_attente: 'nouveau' };

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  const clear = (node) => node.replaceChildren();
  const say = (text) => { $('status').textContent = text; };
  const time = (iso) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '');
  const minutes = (ms) => `${Math.max(1, Math.round(ms / 60000))} min`;
  // French ordinals: « 1re », « 2e », never « 1e ».
  const ordinal = (n) => (n === 1 ? '1re' : `${n}e`);
  const PRESENCE = { disponible: 'disponible', occupe: 'occupé', absent: 'absent' };
  const ENDED = { user: 'L’usager a mis fin à l’échange', advisor: 'Échange terminé par le conseiller', bot: 'La main a été rendue à Virage', erased: 'Données effacées à la demande de l’usager' };

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') { headers['Content-Type'] = 'application/json'; headers['X-CSRF-Token'] = state.csrf; }
    const res = await fetch(`/api/conseiller${path}`, { method, headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (res.status === 401 && path !== '/login') showLogin();
    if (!res.ok) throw new Error((data.error && data.error.message) || `Erreur ${res.status}`);
    return data;
  }

  function showLogin() {
    $('app').hidden = true; $('who').hidden = true; $('logout').hidden = true; $('login').hidden = false; $('dashboard-link').hidden = true;
    for (const key of ['waiting', 'active', 'callbacks', 'done']) clear($(`list-${key}`));
    clear($('team'));
    $('detail').hidden = true; state.selected = '';
    if (state.socket) { state.socket.onclose = null; state.socket.close(); state.socket = null; }
    $('login-id').focus();
  }

  function showApp(me) {
    // Sent here to log in from the dashboard: back there (a plain advisor gets its « réservé » page).
    if (new URLSearchParams(location.search).get('retour') === 'tableau-de-bord') {
      location.assign('/conseiller/tableau-de-bord');
      return;
    }
    $('dashboard-link').hidden = me.role !== 'responsable';
    state.csrf = me.csrfToken;
    state.login = me.advisor.login;
    $('who').textContent = `${me.advisor.displayName} — ${me.cci.name}`;
    $('who').hidden = false; $('logout').hidden = false; $('login').hidden = true; $('app').hidden = false;
    connect();
    void refresh().then(() => {
      const wanted = new URLSearchParams(location.search).get('demande');
      if (wanted) void select(wanted);
    });
  }

  async function refresh() {
    const lists = await api('GET', '/requests');
    for (const key of ['waiting', 'active', 'callbacks', 'done']) {
      const ul = $(`list-${key}`);
      clear(ul);
      if (!lists[key].length) ul.append(el('li', 'Aucune demande.', { class: 'muted' }));
      for (const r of lists[key]) {
        const who = [r.contactName, r.company].filter(Boolean).join(', ') || 'Anonyme';
        let extra = r.position ? ` — ${ordinal(r.position)}${r.expectedWaitMs ? `, ~${minutes(r.expectedWaitMs)}` : ''}` : '';
        if (r.callbackLabel && r.status === 'rappel') extra = ` — à partir du ${r.callbackLabel}`;
        const button = el('button', `${r.reference} · ${who}${extra}`, { type: 'button', 'data-id': r.id });
        button.append(el('br'), el('span', r.reason, { class: 'muted' }));
        if (r.id === state.selected) button.setAttribute('aria-current', 'true');
        button.addEventListener('click', () => void select(r.id));
        const li = el('li'); li.append(button); ul.append(li);
      }
    }
  }

  // Presence: one's own choice (radio buttons) and the colleagues of the CCI with their state.
  function showPresence(data) {
    const team = $('team');
    clear(team);
    for (const a of data.advisors) {
      const me = a.login === state.login;
      team.append(el('li', `${a.displayName}${me ? ' (vous)' : ''} — ${PRESENCE[a.state] || a.state}${a.inExchange ? ' (en échange)' : ''}`, { 'data-login': a.login, 'data-state': a.state }));
      if (me) for (const r of document.querySelectorAll('input[name="presence"]')) r.checked = r.value === (a.state === 'disponible' ? 'disponible' : 'occupe');
    }
  }
  const loadPresence = () => api('GET', '/presence').then(showPresence).catch(() => undefined);

  function definitions(dl, pairs) {
    clear(dl);
    for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== '') dl.append(el('dt', k), el('dd', v));
    if (!dl.children.length) dl.append(el('dt', '—'), el('dd', 'Non renseigné'));
  }

  // Follow-up diagnostic: the previous scores beside these (T0 → T1), as a table with a caption.
  function progressTable(p) {
    const table = el('table', undefined, { class: 'progress' });
    const day = p.since ? new Date(p.since).toLocaleDateString('fr-FR', { dateStyle: 'long' }) : '';
    table.append(el('caption', `Évolution depuis le diagnostic du ${day}`));
    const head = el('tr');
    for (const h of ['Axe', 'Avant', 'Après', 'Écart']) head.append(el('th', h, { scope: 'col' }));
    table.append(head);
    const n = (v) => (typeof v === 'number' ? String(v) : '–');
    for (const r of p.rows) {
      const tr = el('tr');
      const delta = typeof r.before === 'number' && typeof r.after === 'number' ? r.after - r.before : null;
      tr.append(el('th', r.label, { scope: 'row' }), el('td', n(r.before)), el('td', n(r.after)),
        el('td', delta === null ? '–' : delta > 0 ? `+${delta}` : delta === 0 ? '=' : `−${-delta}`));
      table.append(tr);
    }
    return table;
  }

  function chat(ol, lines, label) {
    clear(ol);
    if (!lines.length) ol.append(el('li', 'Aucun message.', { class: 'muted' }));
    for (const m of lines) {
      const li = el('li');
      li.append(el('span', `${label(m)} ${time(m.at)} : `, { class: 'from' }), document.createTextNode(m.text));
      ol.append(li);
    }
  }

  function render(data) {
    const r = data.request;
    $('detail').hidden = false;
    $('detail-title').textContent = `Demande ${r.reference}`;
    const wait = data.position ? ` — ${ordinal(data.position)} position${data.expectedWaitMs ? `, attente estimée ${minutes(data.expectedWaitMs)}` : ''}` : '';
    const adv = r.advisor ? ` — ${r.advisor.displayName}` : '';
    $('detail-status').textContent = `${r.kind === 'live' ? 'Échange en direct' : 'Demande de rappel'} · ${STATUS[r.status]}${adv}${wait}`;
    const live = r.kind === 'live' && r.status === 'en_cours';
    $('act-take').disabled = !(r.status === 'en_attente' || r.status === 'rappel');
    $('act-end').disabled = r.status === 'clos';
    $('act-bot').disabled = !(r.kind === 'live' && (r.status === 'en_cours' || r.status === 'en_attente'));
    $('reply-form').hidden = !live; $('guide-form').hidden = !live;
    const c = r.contact || {};
    definitions($('detail-contact'), [
      ['Nom', c.name], ['Entreprise', c.company], ['E-mail', c.email], ['Téléphone', c.phone],
      ['Département', r.departement], ['Motif', r.reason], ['Reçue le', time(r.createdAt)],
      ['Rappel à partir du', r.status === 'rappel' ? r.callbackLabel : ''], ['Consentement', time(r.consentAt)],
      ['Note de l’usager', r.rating ? `${r.rating}/5` : ''],
    ]);
    const d = r.context.diagnostic;
    const diag = $('detail-diagnostic');
    clear(diag);
    if (!d) diag.append(el('p', 'Pas de diagnostic réalisé.', { class: 'muted' }));
    else {
      const dl = el('dl');
      definitions(dl, [['Score global', d.globalScore !== undefined ? `${d.globalScore}/100` : ''], ['Niveau', d.level],
        ...Object.entries(d.scores).map(([k, v]) => [k, `${v}/100`]), ['Priorités', d.priorities.join('\n')]]);
      diag.append(dl);
      for (const f of d.redFlags) diag.append(el('p', `⚠ ${f}`, { class: 'flag' }));
      if (d.progress) diag.append(progressTable(d.progress));
    }
    definitions($('detail-profile'), Object.entries(r.context.profile));
    chat($('detail-transcript'), r.context.transcript, (m) => (m.from === 'user' ? 'Usager' : 'Virage'));
    chat($('detail-messages'), r.messages, (m) => (m.from === 'user' ? 'Usager' : m.from === 'advisor' ? `Conseiller (${m.by || ''})` : 'Info'));
    if (r.status === 'clos' && r.endedBy && ENDED[r.endedBy]) {
      $('detail-messages').append(el('li', `${ENDED[r.endedBy]}${r.endedAt ? ` — ${time(r.endedAt)}` : ''}.`, { class: `ended ended-${r.endedBy}` }));
    }
    $('ticket-status').value = TICKET[r.status];
    const notes = $('detail-notes');
    clear(notes);
    for (const n of r.notes) notes.append(el('li', `${time(n.at)} — ${n.by} : ${n.text}`));
  }

  async function select(id) {
    state.selected = id;
    try {
      render(await api('GET', `/requests/${encodeURIComponent(id)}`));
      await refresh();
      $('detail-title').focus();
    } catch (err) { say(err.message); }
  }

  async function act(path, body, done) {
    if (!state.selected) return;
    try {
      render(await api('POST', `/requests/${encodeURIComponent(state.selected)}/${path}`, body || {}));
      if (done) say(done);
      await refresh();
    } catch (err) { say(err.message); }
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/conseiller/ws`);
    state.socket = ws;
    ws.onopen = () => { state.retry = 0; $('live-state').textContent = 'Mise à jour en direct : active.'; };
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      if (msg.type === 'typing' && msg.id === state.selected && msg.from === 'user') {
        $('typing').textContent = 'L’usager écrit…';
        setTimeout(() => { $('typing').textContent = ''; }, 4000);
        return;
      }
      if (msg.type === 'hello' || msg.type === 'presence') { void loadPresence(); if (msg.type === 'presence') return; }
      if (msg.type === 'request' && msg.event === 'request.created') say(`Nouvelle demande ${msg.reference}.`);
      void refresh().catch(() => undefined);
      if (msg.id && msg.id === state.selected) void api('GET', `/requests/${encodeURIComponent(msg.id)}`).then(render).catch(() => undefined);
    };
    ws.onclose = () => {
      $('live-state').textContent = 'Mise à jour en direct : interrompue, nouvelle tentative…';
      state.retry = Math.min(state.retry + 1, 6);
      setTimeout(() => { if (!$('app').hidden) connect(); }, 1000 * 2 ** state.retry);
    };
  }

  function onSubmit(id, handler) {
    $(id).addEventListener('submit', (e) => { e.preventDefault(); void handler(); });
  }

  document.addEventListener('DOMContentLoaded', () => {
    onSubmit('login-form', async () => {
      $('login-error').textContent = '';
      try {
        const me = await api('POST', '/login', { login: $('login-id').value, password: $('login-password').value });
        $('login-password').value = '';
        showApp(me);
      } catch (err) { $('login-error').textContent = err.message; }
    });
    $('logout').addEventListener('click', async () => {
      try { await api('POST', '/logout', {}); } catch { /* already out */ }
      showLogin();
    });
    for (const r of document.querySelectorAll('input[name="presence"]')) {
      r.addEventListener('change', async () => {
        try {
          showPresence(await api('POST', '/presence', { statut: r.value }));
          say(r.value === 'disponible' ? 'Vous êtes disponible pour les échanges en direct.' : 'Vous êtes indiqué occupé : pas de nouvel échange en direct.');
        } catch (err) { say(err.message); void loadPresence(); }
      });
    }
    $('act-take').addEventListener('click', () => void act('take', {}, 'Demande prise en charge.'));
    $('act-end').addEventListener('click', () => void act('end', {}, 'Échange terminé.'));
    $('act-bot').addEventListener('click', () => void act('bot', {}, 'La main est rendue à Virage.'));
    onSubmit('reply-form', async () => {
      const text = $('reply-text').value.trim();
      if (!text) return say('Écrivez un message avant d’envoyer.');
      await act('messages', { text });
      $('reply-text').value = ''; $('reply-text').focus();
    });
    let lastTyping = 0;
    $('reply-text').addEventListener('input', () => {
      if (Date.now() - lastTyping > 3000 && state.selected) { lastTyping = Date.now(); void api('POST', `/requests/${encodeURIComponent(state.selected)}/typing`, {}).catch(() => undefined); }
    });
    onSubmit('guide-form', async () => { await act('guide', { slug: $('guide-slug').value.trim() }, 'Lien du guide envoyé.'); $('guide-slug').value = ''; });
    onSubmit('status-form', () => act('status', { status: $('ticket-status').value }, 'Statut mis à jour.'));
    onSubmit('note-form', async () => { await act('notes', { text: $('note-text').value }, 'Note ajoutée.'); $('note-text').value = ''; });
    api('GET', '/session').then(showApp, showLogin);
  });
})();
