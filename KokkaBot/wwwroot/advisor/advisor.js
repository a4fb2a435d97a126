// KokkaBot's advisor console (/advisor): the live queue, the advisor's conversations, canned replies and
// the tickets left out of hours, over the SignalR hub at /hubs/advisor. Plain DOM, no framework: every
// student-written text goes in through textContent, never as HTML.
const config = JSON.parse(document.getElementById('advisor-config').textContent);
const signalR = window.signalR;

const $ = (id) => document.getElementById(id);
const DRAFTS_KEY = 'kokka.advisor.drafts';
const TYPING_SEND_EVERY_MS = 3000; // the hub asks for at most one Typing every 3 s
const USER_TYPING_SHOWN_MS = 6000;
const TAKEN_SHOWN_MS = 8000;
const TICKETS_REFRESH_MS = 60000;

const SENDERS = { user: 'Student', bot: 'Bot', advisor: 'Advisor', system: 'System' };
// The hub's reasons, in words an advisor reads at a glance.
const ACCEPT_REFUSALS = {
  taken: 'a colleague was quicker',
  ended: 'the student stopped waiting',
  'not-found': 'the request is gone',
  'out-of-scope': 'this request belongs to a team outside your towns',
};
const SEND_REFUSALS = {
  'not-yours': 'this conversation is not yours any more',
  'not-active': 'the conversation is not active any more',
  empty: 'the message is empty',
  'too-long': `the message is too long (at most ${config.maxTextLength} characters)`,
  'delivery-failed': 'the student\'s channel did not take it',
};
const TRANSFER_REFUSALS = {
  'not-yours': 'the conversation is not yours any more',
  'not-active': 'the conversation is not active any more',
  'no-target': 'choose a team or an advisor',
  'unknown-advisor': 'there is no advisor with that address',
  offline: 'that advisor is not online now',
  'unknown-team': 'there is no such team',
  same: 'it is already there',
};
const END_REASONS = { advisor: 'ended by an advisor', 'user-cancelled': 'the student left the conversation' };
const TRIGGERS = {
  explicit: 'asked for a person',
  button: 'pressed "talk to a person"',
  unanswered: 'the bot could not answer',
  frustration: 'seemed frustrated',
  sensitive: 'sensitive topic',
};

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const state = {
  connection: 'connecting',
  signedOut: false,
  queue: [],
  queueLoaded: false,
  /** handoff key → { item, by, reason, until }: shown for a moment after someone else took it. */
  taken: new Map(),
  /** handoff key → conversation */
  conversations: new Map(),
  active: null,
  teams: new Map(),
  canned: [],
  tickets: [],
  includeClosed: false,
  drafts: loadDrafts(),
};

// ---------------------------------------------------------------- small helpers

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const keyOf = (id) => String(id);
const languageName = (code) => (code && config.languages[code]) || code || 'Unknown language';
const townName = (slug) => (slug && config.towns[slug]) || slug || 'No town given';
const toDate = (value) => (value ? new Date(value) : null);
const formatTime = (value) => (value ? timeFormat.format(toDate(value)) : '');
const formatDateTime = (value) => (value ? dateTimeFormat.format(toDate(value)) : '');

function formatWait(since) {
  if (!since) return '';
  const seconds = Math.max(0, Math.floor((Date.now() - toDate(since).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function reasonOf(error) {
  const message = (error && error.message) || String(error || 'unknown error');
  // A HubException's text is what the server meant to say; the rest is SignalR's wrapping.
  const hub = message.match(/HubException: (.*)$/s);
  return hub ? hub[1].trim() : message.replace(/^An unexpected error occurred invoking '\w+' on the server\.?\s*/, '').trim() || 'the server refused it';
}

let announceTimer = 0;
function announce(text) {
  const announcer = $('announcer');
  window.clearTimeout(announceTimer);
  announcer.textContent = '';
  // A fresh text node after a short pause is read even when the words repeat.
  announceTimer = window.setTimeout(() => { announcer.textContent = text; }, 60);
}

function loadDrafts() {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFTS_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

function saveDraft(key, text) {
  if (text) state.drafts[key] = text;
  else delete state.drafts[key];
  try {
    sessionStorage.setItem(DRAFTS_KEY, JSON.stringify(state.drafts));
  } catch {
    // Storage full or off: the draft still lives in the page.
  }
}

// ---------------------------------------------------------------- data from the hub, made regular

function normalizeItem(raw) {
  const item = { ...(raw.handoff || raw.info || {}), ...raw };
  const id = item.handoffId ?? item.id;
  const normalized = {
    id,
    key: keyOf(id),
    language: item.language || '',
    town: item.town || null,
    role: item.role || null,
    topic: item.topic || 'general',
    reason: item.reason || '',
    teamId: item.teamId || null,
    teamName: item.teamName || item.teamId || null,
    waitingSince: item.queuedAt || item.waitingSince || item.createdAt || null,
    acceptedAt: item.acceptedAt || null,
    trigger: item.trigger || null,
    userName: item.userName || null,
    preview: item.preview || null,
    noAnswerNoticeSent: !!item.noAnswerNoticeSent,
    advisorName: item.advisorName || null,
  };
  if (normalized.teamId) state.teams.set(normalized.teamId, normalized.teamName || normalized.teamId);
  return normalized;
}

function normalizeLine(raw) {
  return {
    id: raw.id ?? null,
    from: String(raw.from || 'system').toLowerCase(),
    text: raw.text ?? '',
    at: raw.at || new Date().toISOString(),
    name: raw.author || null,
  };
}

function normalizeNote(raw) {
  return { id: raw.id ?? null, text: raw.text ?? '', at: raw.at || new Date().toISOString(), by: raw.author || null };
}

const lineKey = (line) => (line.id !== null && line.id !== undefined ? `#${line.id}` : `${line.from}|${line.text}|${line.at}`);
const isMe = (name) => !!name && (name === config.me.name || name === config.me.email);

function upsertConversation(raw) {
  const info = normalizeItem(raw);
  const existing = state.conversations.get(info.key);
  const conversation = existing || { unread: 0, typingUntil: 0, lastTypingSent: 0, ended: null, lines: [], notes: [] };
  Object.assign(conversation, info);
  const transcript = raw.transcript || raw.lines;
  if (Array.isArray(transcript)) conversation.lines = transcript.map(normalizeLine);
  if (Array.isArray(raw.notes)) conversation.notes = raw.notes.map(normalizeNote);
  state.conversations.set(info.key, conversation);
  return conversation;
}

const activeConversation = () => (state.active ? state.conversations.get(state.active) : null);

function conversationLabel(conversation) {
  return `${languageName(conversation.language)}, ${townName(conversation.town)}`;
}

// ---------------------------------------------------------------- the connection

const connection = new signalR.HubConnectionBuilder()
  .withUrl(config.hub)
  // Never give up: quickly at first, then every 15 seconds until the server is back (or the sign-in has run out).
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds: (context) => {
      if (context.previousRetryCount >= 2) stopIfSignedOut();
      return [0, 2000, 5000, 10000][context.previousRetryCount] ?? 15000;
    },
  })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

function setConnection(value, detail) {
  state.connection = value;
  const texts = {
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Connection lost – reconnecting… Your drafts are kept.',
    disconnected: 'Not connected – trying again every 15 seconds. Your drafts are kept.',
    signedout: 'Your sign-in has expired: reload the page to sign in again. Your drafts are kept.',
  };
  $('connection').dataset.state = value;
  $('connection-text').textContent = detail || texts[value];
  $('reconnect').hidden = value !== 'disconnected' && value !== 'signedout';
  $('reconnect').textContent = value === 'signedout' ? 'Sign in again' : 'Reconnect now';
  updateComposer();
  for (const button of document.querySelectorAll('.queue-item .accept')) button.disabled = value !== 'connected';
}

const invoke = (method, ...args) => connection.invoke(method, ...args);

/** Whether the staff cookie has run out: the page itself then answers with a redirect to the sign-in page. */
async function signedOut() {
  try {
    const response = await fetch(window.location.pathname, { method: 'HEAD', redirect: 'manual', credentials: 'same-origin', cache: 'no-store' });
    return response.type === 'opaqueredirect' || response.status === 401 || response.status === 403;
  } catch {
    return false; // offline: not the same as signed out
  }
}

async function stopIfSignedOut() {
  if (state.signedOut || !(await signedOut())) return;
  state.signedOut = true;
  await connection.stop();
  setConnection('signedout');
}

let retryTimer = 0;
async function start() {
  window.clearTimeout(retryTimer);
  if (connection.state !== signalR.HubConnectionState.Disconnected) return;
  setConnection(state.queueLoaded ? 'reconnecting' : 'connecting');
  try {
    await connection.start();
    setConnection('connected');
    await loadAll();
  } catch (error) {
    if ((error && (error.statusCode === 401 || error.statusCode === 403)) || (await signedOut())) {
      state.signedOut = true;
      setConnection('signedout');
      return;
    }
    console.warn('advisor console: could not connect', error);
    setConnection('disconnected');
    retryTimer = window.setTimeout(start, 15000);
  }
}

connection.onreconnecting(() => setConnection('reconnecting'));
connection.onreconnected(async () => {
  setConnection('connected');
  announce('Connected again. The queue and your conversations are up to date.');
  await loadAll();
});
connection.onclose(() => {
  if (state.signedOut) return setConnection('signedout');
  setConnection('disconnected');
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(start, 15000);
});

$('reconnect').addEventListener('click', () => {
  if (state.connection === 'signedout') window.location.reload();
  else start();
});

async function loadAll() {
  try {
    const [queue, mine] = await Promise.all([invoke('GetQueue'), invoke('GetMine')]);
    setQueue(queue || [], { initial: !state.queueLoaded });
    state.queueLoaded = true;
    setMine(mine || []);
  } catch (error) {
    console.warn('advisor console: could not load', error);
    announce(`Could not load the queue: ${reasonOf(error)}`);
  }
  loadCanned();
  loadTickets();
}

// ---------------------------------------------------------------- the queue

function setQueue(items, { initial = false } = {}) {
  const before = new Set(state.queue.map((item) => item.key));
  state.queue = items.map(normalizeItem).sort((a, b) => (toDate(a.waitingSince) || 0) - (toDate(b.waitingSince) || 0));
  renderQueue();
  if (initial) return;
  const added = state.queue.filter((item) => !before.has(item.key));
  if (added.length) {
    const first = added[0];
    announce(`New in the queue: ${conversationLabel(first)}${first.topic !== 'general' ? `, ${first.topic}` : ''}. ${state.queue.length} waiting.`);
  }
}

function queueShown() {
  const now = Date.now();
  for (const [key, taken] of state.taken) if (taken.until < now) state.taken.delete(key);
  const shown = state.queue.filter((item) => !state.conversations.has(item.key));
  for (const [key, taken] of state.taken) if (!shown.some((item) => item.key === key)) shown.push(taken.item);
  return shown.sort((a, b) => (toDate(a.waitingSince) || 0) - (toDate(b.waitingSince) || 0));
}

function renderQueue() {
  const list = $('queue-list');
  const items = queueShown();
  const existing = new Map([...list.children].map((li) => [li.dataset.key, li]));
  items.forEach((item, index) => {
    const fresh = queueItem(item);
    const old = existing.get(item.key);
    existing.delete(item.key);
    if (old && old.dataset.signature === fresh.dataset.signature) {
      if (list.children[index] !== old) list.insertBefore(old, list.children[index] || null);
      return;
    }
    // Keep the keyboard where it was when an item changes under it.
    const hadFocus = old && old.contains(document.activeElement);
    if (old) old.replaceWith(fresh);
    else list.insertBefore(fresh, list.children[index] || null);
    if (list.children[index] !== fresh) list.insertBefore(fresh, list.children[index] || null);
    if (hadFocus) (fresh.querySelector('button') || fresh.querySelector('.taken')).focus();
  });
  for (const li of existing.values()) {
    if (li.contains(document.activeElement)) $('queue-heading').focus();
    li.remove();
  }
  const waiting = items.filter((item) => !state.taken.has(item.key)).length;
  $('queue-count').textContent = `(${waiting})`;
  $('queue-empty').hidden = items.length > 0;
  updateBadges();
}

function queueItem(item) {
  const taken = state.taken.get(item.key);
  const summaryId = `queue-${item.key}-summary`;
  const li = h('li', { class: `queue-item${taken ? ' is-taken' : ''}`, 'data-key': item.key },
    h('div', { class: 'queue-summary', id: summaryId },
      h('p', { class: 'queue-title' },
        h('strong', { text: languageName(item.language) }), ' · ', townName(item.town),
        item.topic && item.topic !== 'general' ? h('span', { class: 'tag', text: item.topic }) : null),
      item.reason ? h('p', { class: 'queue-reason', dir: 'auto', text: item.reason }) : null,
      item.preview ? h('p', { class: 'queue-preview', dir: 'auto', text: item.preview }) : null,
      h('p', { class: 'queue-meta' },
        item.userName ? h('span', { dir: 'auto', text: item.userName }) : null,
        item.role ? h('span', { text: item.role }) : null,
        item.teamName ? h('span', { text: item.teamName }) : null,
        item.noAnswerNoticeSent ? h('span', { class: 'tag tag-bad', text: 'told nobody has answered yet' }) : null,
        item.trigger ? h('span', { text: TRIGGERS[item.trigger] || item.trigger }) : null,
        h('span', {}, 'waiting ', h('time', { class: 'wait', datetime: item.waitingSince || '', 'data-since': item.waitingSince || '', text: formatWait(item.waitingSince) })))),
    taken
      ? h('p', { class: 'taken', tabindex: '-1', text: taken.by ? `Taken by ${taken.by} – the student is in good hands.` : `Not available: ${ACCEPT_REFUSALS[taken.reason] || taken.reason || 'a colleague was quicker'}.` })
      : h('button', {
        type: 'button', class: 'accept', 'aria-describedby': summaryId, disabled: state.connection !== 'connected',
        onclick: (event) => accept(item, event.currentTarget),
      }, 'Accept'));
  li.dataset.signature = JSON.stringify([item.language, item.town, item.role, item.topic, item.reason, item.preview, item.userName, item.teamName, item.trigger,
    item.waitingSince, item.noAnswerNoticeSent, taken && taken.by, taken && taken.reason]);
  return li;
}

async function accept(item, button) {
  button.disabled = true;
  button.textContent = 'Accepting…';
  let result;
  try {
    result = await invoke('Accept', item.id);
  } catch (error) {
    button.disabled = state.connection !== 'connected';
    button.textContent = 'Accept';
    announce(`Could not accept: ${reasonOf(error)}`);
    return;
  }
  if (result && result.accepted) {
    const raw = result.conversation || (await invoke('GetConversation', item.id));
    const conversation = upsertConversation(raw || item);
    conversation.ended = null;
    state.queue = state.queue.filter((queued) => queued.key !== conversation.key);
    renderQueue();
    renderMine();
    select(conversation.key, { focus: 'message' });
    announce(`You are now talking with the student: ${conversationLabel(conversation)}.`);
    return;
  }
  const by = result && result.takenBy;
  const reason = result && result.reason;
  state.queue = state.queue.filter((queued) => queued.key !== item.key);
  markTaken(item, by, reason);
  announce(by ? `${by} has already taken this student. Nothing to do – they are in good hands.` : `Not accepted: ${ACCEPT_REFUSALS[reason] || reason || 'a colleague was quicker'}.`);
  $('queue-list').querySelector(`[data-key="${CSS.escape(item.key)}"] .taken`)?.focus();
}

function markTaken(item, by, reason) {
  state.taken.set(item.key, { item, by: by || null, reason: reason || null, until: Date.now() + TAKEN_SHOWN_MS });
  renderQueue();
  window.setTimeout(renderQueue, TAKEN_SHOWN_MS + 100);
}

// ---------------------------------------------------------------- my conversations

function setMine(list) {
  const seen = new Set();
  for (const raw of list) {
    const conversation = upsertConversation(raw);
    conversation.ended = null;
    seen.add(conversation.key);
  }
  // What was ours before the connection dropped and is not any more: ended or moved on meanwhile.
  for (const conversation of state.conversations.values()) {
    if (!seen.has(conversation.key) && !conversation.ended) {
      endLocally(conversation, 'This conversation is no longer yours: it ended or was transferred while you were offline.');
    }
  }
  if (!state.active && state.conversations.size) select(state.conversations.keys().next().value);
  else {
    renderMine();
    renderConversation();
  }
  renderQueue();
}

function renderMine() {
  const list = $('mine-list');
  const focusedKey = list.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  list.replaceChildren(...[...state.conversations.values()].map((conversation) => {
    const selected = conversation.key === state.active;
    const typing = conversation.typingUntil > Date.now();
    return h('button', {
      type: 'button', role: 'tab', id: `conversation-tab-${conversation.key}`, class: `mine-item${conversation.ended ? ' is-ended' : ''}`,
      'data-key': conversation.key, 'aria-selected': selected ? 'true' : 'false', 'aria-controls': 'conversation', tabindex: selected ? '0' : '-1',
      onclick: () => select(conversation.key, { focus: 'message' }),
    },
    h('span', { class: 'mine-title' }, h('strong', { text: languageName(conversation.language) }), ` · ${townName(conversation.town)}`),
    h('span', { class: 'mine-meta' },
      conversation.topic && conversation.topic !== 'general' ? h('span', { text: conversation.topic }) : null,
      conversation.ended ? h('span', { class: 'tag', text: 'ended' }) : null,
      typing ? h('span', { class: 'mine-typing', text: 'typing…' }) : null,
      conversation.unread ? h('span', { class: 'badge', text: `${conversation.unread} new` }) : null));
  }));
  if (!list.querySelector('[tabindex="0"]') && list.firstElementChild) list.firstElementChild.tabIndex = 0;
  if (focusedKey) list.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
  $('mine-count').textContent = `(${state.conversations.size})`;
  $('mine-empty').hidden = state.conversations.size > 0;
  updateBadges();
}

$('mine-list').addEventListener('keydown', (event) => {
  const tabs = [...$('mine-list').children];
  const index = tabs.indexOf(document.activeElement);
  if (index < 0) return;
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = tabs[(next + tabs.length) % tabs.length];
  select(target.dataset.key, { focus: 'tab' });
});

function select(key, { focus } = {}) {
  const previous = activeConversation();
  if (previous) saveDraft(previous.key, $('message').value);
  state.active = key;
  const conversation = activeConversation();
  if (conversation) conversation.unread = 0;
  $('message').value = (conversation && state.drafts[conversation.key]) || '';
  $('send-problem').hidden = true;
  renderMine();
  renderConversation();
  if (focus === 'message' && conversation && !conversation.ended) $('message').focus();
  else if (focus === 'tab') $(`conversation-tab-${key}`)?.focus();
  else if (focus === 'title') $('conversation-title').focus();
}

function selectBy(offset) {
  const keys = [...state.conversations.keys()];
  if (!keys.length) return;
  const index = Math.max(0, keys.indexOf(state.active));
  select(keys[(index + offset + keys.length) % keys.length], { focus: 'message' });
}

function renderConversation() {
  const conversation = activeConversation();
  $('conversation-empty').hidden = !!conversation;
  $('conversation-body').hidden = !conversation;
  const panel = $('conversation');
  if (!conversation) {
    panel.removeAttribute('aria-labelledby');
    updateComposer();
    return;
  }
  panel.setAttribute('aria-labelledby', `conversation-tab-${conversation.key}`);
  $('conversation-title').textContent = `${conversation.userName || 'Student'} · ${conversationLabel(conversation)}`;

  const facts = [
    ['Language', languageName(conversation.language)],
    ['Town', townName(conversation.town)],
    ['Role', conversation.role || 'not told'],
    ['Topic', conversation.topic || 'general'],
    ['Team', conversation.teamName || '—'],
    ['Asked because', conversation.reason || (conversation.trigger && TRIGGERS[conversation.trigger]) || '—'],
  ];
  $('conversation-facts').replaceChildren(...facts.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { dir: term === 'Asked because' ? 'auto' : null, text: value })]));
  $('message-language').textContent = `The student reads ${languageName(conversation.language)}.`;

  // A new list element, so that switching conversations does not read the whole history aloud.
  const transcript = $('transcript');
  const fresh = transcript.cloneNode(false);
  fresh.append(...conversation.lines.map(lineElement));
  transcript.replaceWith(fresh);
  fresh.scrollTop = fresh.scrollHeight;

  renderNotes();
  renderTyping();
  $('ended-note').hidden = !conversation.ended;
  $('ended-note').textContent = conversation.ended || '';
  $('close-ended').hidden = !conversation.ended;
  $('transfer-open').hidden = !!conversation.ended;
  $('end-open').hidden = !!conversation.ended;
  if (conversation.language) {
    const canned = $('canned-language');
    if ([...canned.options].some((option) => option.value === conversation.language)) canned.value = conversation.language;
    renderCanned();
  }
  updateComposer();
}

function lineElement(line) {
  const mine = line.from === 'advisor' && (!line.name || isMe(line.name));
  const who = line.from === 'advisor' ? (mine ? 'You' : line.name || SENDERS.advisor) : SENDERS[line.from] || line.from;
  return h('li', { class: `line from-${line.from}${mine ? ' is-mine' : ''}` },
    h('span', { class: 'who', text: who }),
    h('span', { class: 'visually-hidden', text: ': ' }),
    // Students switch languages mid-conversation: the direction comes from the text itself, not from the profile.
    h('p', { class: 'text', dir: 'auto', text: line.text }),
    h('time', { datetime: line.at, text: formatTime(line.at) }));
}

function addLine(conversation, line) {
  const recent = conversation.lines.slice(-20).map(lineKey);
  if (recent.includes(lineKey(line))) return false;
  conversation.lines.push(line);
  if (conversation.key === state.active) {
    const transcript = $('transcript');
    const nearBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 120;
    transcript.append(lineElement(line));
    if (nearBottom || line.from === 'advisor') transcript.scrollTop = transcript.scrollHeight;
  }
  return true;
}

function endLocally(conversation, text) {
  conversation.ended = text;
  conversation.typingUntil = 0;
}

function renderNotes() {
  const conversation = activeConversation();
  const notes = conversation ? conversation.notes : [];
  $('notes-list').replaceChildren(...notes.map((note) => h('li', { class: 'note' },
    h('p', { class: 'note-meta' }, h('span', { class: 'internal-tag', text: 'Internal' }), ` ${note.by || 'advisor'} · `, h('time', { datetime: note.at, text: formatDateTime(note.at) })),
    h('p', { class: 'text', dir: 'auto', text: note.text }))));
  $('notes-empty').hidden = notes.length > 0;
}

function renderTyping() {
  const conversation = activeConversation();
  $('typing').hidden = !(conversation && !conversation.ended && conversation.typingUntil > Date.now());
}

function updateComposer() {
  const conversation = activeConversation();
  const usable = !!conversation && !conversation.ended;
  $('send').disabled = !usable || state.connection !== 'connected';
  $('message').readOnly = !!conversation && !!conversation.ended;
  for (const button of document.querySelectorAll('.canned-insert')) button.disabled = !usable;
}

function updateBadges() {
  const unread = [...state.conversations.values()].reduce((sum, conversation) => sum + conversation.unread, 0);
  const waiting = state.queue.filter((item) => !state.conversations.has(item.key)).length;
  const live = $('live-badge');
  live.hidden = !(waiting || unread);
  live.textContent = [waiting ? `${waiting} waiting` : '', unread ? `${unread} new` : ''].filter(Boolean).join(', ');
  const open = state.tickets.filter((ticket) => !ticket.closed).length;
  $('tickets-badge').hidden = !open;
  $('tickets-badge').textContent = `${open} open`;
  const count = waiting + unread;
  document.title = `${count ? `(${count}) ` : ''}Advisor console – KokkaBot staff`;
}

// ---------------------------------------------------------------- what the hub tells us

connection.on('QueueChanged', (items) => setQueue(items || []));

connection.on('Message', (handoffId, raw) => {
  const conversation = state.conversations.get(keyOf(handoffId));
  if (!conversation) return;
  const line = normalizeLine(raw);
  if (!addLine(conversation, line)) return;
  if (line.from === 'user') {
    conversation.typingUntil = 0;
    if (conversation.key !== state.active || document.hidden) conversation.unread += 1;
    if (conversation.key !== state.active) announce(`New message from the student in ${conversationLabel(conversation)}.`);
  }
  renderTyping();
  renderMine();
});

connection.on('UserTyping', (handoffId) => {
  const conversation = state.conversations.get(keyOf(handoffId));
  if (!conversation) return;
  conversation.typingUntil = Date.now() + USER_TYPING_SHOWN_MS;
  renderTyping();
  renderMine();
  window.setTimeout(() => { renderTyping(); renderMine(); }, USER_TYPING_SHOWN_MS + 50);
});

connection.on('HandoffTaken', (handoffId, advisorName) => {
  const key = keyOf(handoffId);
  const self = isMe(advisorName);
  const conversation = state.conversations.get(key);
  if (conversation) {
    // Ours until now: passed on (a transfer) while this console still showed it.
    if (self || conversation.leaving || conversation.ended) return;
    endLocally(conversation, `${advisorName} has this conversation now.`);
    if (conversation.key === state.active) renderConversation();
    renderMine();
    announce(`${conversationLabel(conversation)}: ${advisorName} has this conversation now.`);
    return;
  }
  const item = state.queue.find((queued) => queued.key === key);
  state.queue = state.queue.filter((queued) => queued.key !== key);
  if (self) {
    // Accepted in another tab of ours: show it here too.
    invoke('GetMine').then(setMine).catch(() => {});
    renderQueue();
  } else if (item) markTaken(item, advisorName, null);
});

connection.on('HandoffEnded', (handoffId, reason) => {
  const key = keyOf(handoffId);
  const conversation = state.conversations.get(key);
  if (state.queue.some((item) => item.key === key)) {
    state.queue = state.queue.filter((item) => item.key !== key);
    renderQueue();
  }
  if (!conversation || conversation.ended || conversation.leaving) return;
  const text = `The conversation has ended (${END_REASONS[reason] || reason || 'ended'}). The bot has taken over.`;
  endLocally(conversation, text);
  addLine(conversation, { from: 'system', text, at: new Date().toISOString(), name: null });
  if (conversation.key === state.active) renderConversation();
  renderMine();
  announce(`${conversationLabel(conversation)}: ${text}`);
});

connection.on('Assigned', (raw) => {
  const conversation = upsertConversation(raw);
  conversation.ended = null;
  state.queue = state.queue.filter((item) => item.key !== conversation.key);
  if (!state.active) select(conversation.key);
  else if (conversation.key === state.active) renderConversation();
  else conversation.unread = Math.max(conversation.unread, 1);
  renderMine();
  renderQueue();
  announce(`A conversation was passed to you: ${conversationLabel(conversation)}.`);
});

// ---------------------------------------------------------------- writing to the student

const message = $('message');

message.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    send();
  }
});

message.addEventListener('input', () => {
  const conversation = activeConversation();
  if (!conversation) return;
  saveDraft(conversation.key, message.value);
  $('send-problem').hidden = true;
  const now = Date.now();
  if (conversation.ended || state.connection !== 'connected' || !message.value.trim() || now - conversation.lastTypingSent < TYPING_SEND_EVERY_MS) return;
  conversation.lastTypingSent = now;
  connection.send('Typing', conversation.id).catch(() => { /* typing is a courtesy: never an error */ });
});

$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});

function showSendProblem(text) {
  $('send-problem').textContent = text;
  $('send-problem').hidden = false;
}

async function send() {
  const conversation = activeConversation();
  const text = message.value.trim();
  if (!conversation || !text) return;
  if (conversation.ended) {
    showSendProblem('This conversation has ended: the student is talking with the bot again.');
    return;
  }
  if (state.connection !== 'connected') {
    showSendProblem('Not connected: your message stays here; send it when the connection is back.');
    return;
  }
  message.value = '';
  saveDraft(conversation.key, '');
  $('send').disabled = true;
  try {
    const result = await invoke('Send', conversation.id, text);
    // Our own line is not echoed to this connection: the result carries it.
    if (result && result.line) addLine(conversation, normalizeLine(result.line));
    if (!result || !result.sent) {
      if (result && result.reason === 'delivery-failed' && result.line) {
        showSendProblem('Saved in the transcript, but the student\'s channel did not take it: they may not have seen it.');
        return;
      }
      throw new Error(SEND_REFUSALS[result && result.reason] || (result && result.reason) || 'the server did not take it');
    }
  } catch (error) {
    // Nothing lost: the message goes back where it was, ahead of anything typed since.
    const put = (current) => (current ? `${text}\n${current}` : text);
    if (state.active === conversation.key) {
      message.value = put(message.value);
      saveDraft(conversation.key, message.value);
      showSendProblem(`Not sent: ${reasonOf(error)}. Your message is back in the box.`);
    } else {
      saveDraft(conversation.key, put(state.drafts[conversation.key]));
      announce(`A message to ${conversationLabel(conversation)} was not sent; it is back in that conversation's message box.`);
    }
  } finally {
    updateComposer();
  }
}

$('note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const conversation = activeConversation();
  const note = $('note');
  const text = note.value.trim();
  if (!conversation || !text) return;
  try {
    const result = await invoke('AddNote', conversation.id, text);
    if (!result) throw new Error(text.length > config.maxTextLength ? `it is longer than ${config.maxTextLength} characters` : 'the conversation is not yours any more');
    conversation.notes.push(normalizeNote(result));
    note.value = '';
    renderNotes();
    announce('Internal note added. The student does not see it.');
  } catch (error) {
    announce(`The note was not saved: ${reasonOf(error)}`);
  }
});

// ---------------------------------------------------------------- transfer and end

const transferDialog = $('transfer-dialog');

function transferKind() {
  return document.querySelector('input[name="transfer-kind"]:checked').value;
}

function showTransferFields() {
  const team = transferKind() === 'team';
  $('transfer-team-field').hidden = !team;
  $('transfer-advisor-field').hidden = team;
}

for (const radio of document.querySelectorAll('input[name="transfer-kind"]')) radio.addEventListener('change', showTransferFields);

async function openTransfer() {
  const conversation = activeConversation();
  if (!conversation || conversation.ended || !transferDialog || transferDialog.open) return;
  let targets = { teams: [], advisors: [] };
  try {
    targets = (await invoke('GetTransferTargets')) || targets;
  } catch (error) {
    announce(`Could not load the teams and advisors: ${reasonOf(error)}`);
  }
  const teams = $('transfer-team');
  teams.replaceChildren(...(targets.teams || []).map((team) => {
    state.teams.set(team.id, team.name);
    const now = team.isOpen ? (team.advisorsOnline ? 'open, advisors online' : 'open, nobody online') : 'closed now';
    return h('option', { value: team.id, selected: team.id === conversation.teamId, text: `${team.name} (${now})` });
  }));
  const advisors = $('transfer-advisor');
  const others = (targets.advisors || []).filter((advisor) => !isMe(advisor.email) && !isMe(advisor.displayName));
  advisors.replaceChildren(...others.map((advisor) => h('option', { value: advisor.email, text: `${advisor.displayName} (${advisor.email})` })));
  $('transfer-advisor-none').hidden = others.length > 0;
  advisors.hidden = others.length === 0;
  $('transfer-kind-team').checked = true;
  $('transfer-problem').hidden = true;
  showTransferFields();
  transferDialog.showModal();
  teams.focus();
}

$('transfer-open').addEventListener('click', openTransfer);

$('transfer-form').addEventListener('submit', async (event) => {
  if (!event.submitter || event.submitter.value !== 'transfer') return;
  event.preventDefault();
  const conversation = activeConversation();
  if (!conversation) return transferDialog.close();
  const team = transferKind() === 'team';
  const target = team ? $('transfer-team').value : $('transfer-advisor').value;
  const problem = $('transfer-problem');
  if (!target) {
    problem.textContent = team ? 'Choose a team.' : 'Choose an advisor who is online.';
    problem.hidden = false;
    (team ? $('transfer-team') : $('transfer-kind-advisor')).focus();
    return;
  }
  conversation.leaving = true;
  let result;
  try {
    result = await invoke('Transfer', conversation.id, team ? null : target, team ? target : null);
  } catch (error) {
    result = { transferred: false, reason: reasonOf(error) };
  }
  if (!result || !result.transferred) {
    conversation.leaving = false;
    const reason = result && result.reason;
    problem.textContent = `Not transferred: ${TRANSFER_REFUSALS[reason] || reason || 'the server refused it'}.`;
    problem.hidden = false;
    return;
  }
  transferDialog.close();
  const to = result.to || (team ? state.teams.get(target) : target) || target;
  forget(conversation);
  announce(`Transferred to ${to}. The student stays connected.`);
});

const endDialog = $('end-dialog');
$('end-open').addEventListener('click', () => {
  const conversation = activeConversation();
  if (!conversation || conversation.ended || endDialog.open) return;
  // Escape keeps the last returnValue: start each time from nothing, so only the button ends.
  endDialog.returnValue = '';
  endDialog.showModal();
});

endDialog.addEventListener('close', async () => {
  const conversation = activeConversation();
  if (endDialog.returnValue !== 'end' || !conversation) {
    $('end-open').focus();
    return;
  }
  endDialog.returnValue = '';
  conversation.leaving = true;
  let result;
  try {
    result = await invoke('End', conversation.id);
  } catch (error) {
    result = { ended: false, reason: reasonOf(error) };
  }
  if (!result || !result.ended) {
    conversation.leaving = false;
    const reason = result && result.reason;
    announce(`Could not end the conversation: ${SEND_REFUSALS[reason] || reason || 'the server refused it'}.`);
    $('end-open').focus();
    return;
  }
  forget(conversation);
  announce(`Ended. The bot has taken over the conversation with ${conversationLabel(conversation)}.`);
});

$('close-ended').addEventListener('click', () => {
  const conversation = activeConversation();
  if (conversation) forget(conversation);
});

/** Takes a conversation off the advisor's list and opens the next one. */
function forget(conversation) {
  const keys = [...state.conversations.keys()];
  const index = keys.indexOf(conversation.key);
  state.conversations.delete(conversation.key);
  saveDraft(conversation.key, '');
  if (state.active === conversation.key) {
    const rest = [...state.conversations.keys()];
    state.active = null;
    if (rest.length) select(rest[Math.min(index, rest.length - 1)], { focus: 'tab' });
    else {
      message.value = '';
      renderConversation();
      $('queue-heading').focus();
    }
  }
  renderMine();
  renderQueue();
}

// ---------------------------------------------------------------- canned replies

function normalizeCanned(raw) {
  return { id: raw.id, language: raw.language || '', title: raw.title || '', text: raw.text || '', editedBy: raw.editedBy || null, editedAt: raw.editedAt || null };
}

async function loadCanned() {
  try {
    state.canned = ((await invoke('GetCannedReplies', null)) || []).map(normalizeCanned);
  } catch (error) {
    console.warn('advisor console: canned replies', error);
  }
  renderCanned();
}

function renderCanned() {
  const language = $('canned-language').value;
  const shown = state.canned.filter((reply) => !language || reply.language === language);
  const conversation = activeConversation();
  const usable = !!conversation && !conversation.ended;
  $('canned-list').replaceChildren(...shown.map((reply) => h('li', { class: 'canned-item' },
    h('p', { class: 'canned-title' }, h('strong', { text: reply.title }), ' ', h('abbr', { class: 'lang-code', title: languageName(reply.language), text: reply.language })),
    h('p', { class: 'canned-text', dir: 'auto', lang: reply.language || null, text: reply.text }),
    h('div', { class: 'canned-actions' },
      h('button', { type: 'button', class: 'small canned-insert', disabled: !usable, 'aria-label': `Insert “${reply.title}”`, onclick: () => insertCanned(reply) }, 'Insert'),
      h('button', { type: 'button', class: 'small secondary', 'aria-label': `Edit “${reply.title}”`, onclick: () => editCanned(reply) }, 'Edit'),
      h('button', { type: 'button', class: 'small danger-outline secondary', 'aria-label': `Delete “${reply.title}”`, onclick: () => deleteCanned(reply) }, 'Delete')))));
  $('canned-empty').hidden = shown.length > 0;
}

$('canned-language').addEventListener('change', renderCanned);

function insertCanned(reply) {
  const conversation = activeConversation();
  if (!conversation || conversation.ended) return;
  const start = message.selectionStart ?? message.value.length;
  const end = message.selectionEnd ?? message.value.length;
  message.setRangeText(reply.text, start, end, 'end');
  saveDraft(conversation.key, message.value);
  message.focus();
  message.dispatchEvent(new Event('input'));
}

function editCanned(reply) {
  $('canned-id').value = reply.id ?? '';
  $('canned-title').value = reply.title;
  $('canned-form-language').value = reply.language || 'en';
  $('canned-text').value = reply.text;
  $('canned-editor-summary').textContent = reply.id ? `Edit “${reply.title}”` : 'New canned reply';
  $('canned-editor').open = true;
  $('canned-title').focus();
}

function resetCannedForm() {
  $('canned-form').reset();
  $('canned-id').value = '';
  $('canned-problem').hidden = true;
  $('canned-editor-summary').textContent = 'New canned reply';
  const conversation = activeConversation();
  $('canned-form-language').value = $('canned-language').value || (conversation && conversation.language) || 'en';
}

$('canned-editor').addEventListener('toggle', () => {
  if ($('canned-editor').open && !$('canned-id').value && !$('canned-title').value) resetCannedForm();
});

$('canned-cancel').addEventListener('click', () => {
  resetCannedForm();
  $('canned-editor').open = false;
  $('canned-editor-summary').focus();
});

$('canned-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reply = {
    id: $('canned-id').value ? Number($('canned-id').value) : null,
    language: $('canned-form-language').value,
    title: $('canned-title').value.trim(),
    text: $('canned-text').value.trim(),
  };
  const problem = $('canned-problem');
  if (!reply.title || !reply.text) {
    problem.textContent = 'A canned reply needs a title and a text.';
    problem.hidden = false;
    (reply.title ? $('canned-text') : $('canned-title')).focus();
    return;
  }
  let result;
  try {
    result = await invoke('SaveCannedReply', reply);
  } catch (error) {
    result = { saved: false, reason: reasonOf(error) };
  }
  if (!result || !result.saved) {
    const reason = result && result.reason;
    problem.textContent = `Not saved: ${{ invalid: 'check the title, language and text', 'not-found': 'someone deleted this reply meanwhile' }[reason] || reason || 'the server refused it'}.`;
    problem.hidden = false;
    return;
  }
  resetCannedForm();
  $('canned-editor').open = false;
  $('canned-language').value = reply.language;
  await loadCanned();
  announce(`Canned reply “${reply.title}” saved.`);
  $('canned-editor-summary').focus();
});

async function deleteCanned(reply) {
  if (!window.confirm(`Delete the canned reply “${reply.title}”?`)) return;
  try {
    if (!(await invoke('DeleteCannedReply', reply.id))) throw new Error('it was already gone');
  } catch (error) {
    announce(`Not deleted: ${reasonOf(error)}`);
    await loadCanned();
    return;
  }
  await loadCanned();
  announce(`Canned reply “${reply.title}” deleted.`);
  $('canned-language').focus();
}

// ---------------------------------------------------------------- tickets

function normalizeTicket(raw) {
  return {
    id: raw.id,
    teamName: raw.teamName || null,
    createdAt: raw.createdAt || null,
    language: raw.language || '',
    town: raw.town || null,
    topic: raw.topic || 'general',
    reason: raw.reason || '',
    message: raw.message || '',
    contact: raw.contact || null,
    closed: raw.status === 'Closed',
    closedAt: raw.closedAt || null,
    closedBy: raw.closedBy || null,
    closeNote: raw.note || null,
  };
}

async function loadTickets() {
  if (state.connection !== 'connected') return;
  try {
    state.tickets = ((await invoke('GetTickets', state.includeClosed)) || []).map(normalizeTicket);
  } catch (error) {
    console.warn('advisor console: tickets', error);
    return;
  }
  renderTickets();
}

function renderTickets() {
  const list = $('ticket-list');
  list.replaceChildren(...state.tickets.map((ticket) => {
    const headingId = `ticket-${ticket.id}-heading`;
    const noteId = `ticket-${ticket.id}-note`;
    return h('li', { class: `ticket${ticket.closed ? ' is-closed' : ''}`, 'aria-labelledby': headingId, 'data-id': ticket.id },
      h('h3', { id: headingId, tabindex: '-1' },
        `#${ticket.id} · ${languageName(ticket.language)} · ${townName(ticket.town)}`,
        ticket.topic !== 'general' ? h('span', { class: 'tag', text: ticket.topic }) : null,
        h('span', { class: `status ${ticket.closed ? 'status-archived' : 'status-published'}`, text: ticket.closed ? 'Closed' : 'Open' })),
      h('p', { class: 'muted' }, 'Left ', h('time', { datetime: ticket.createdAt || '', text: formatDateTime(ticket.createdAt) }),
        ticket.teamName ? ` for ${ticket.teamName}` : null, ticket.reason ? h('span', { dir: 'auto', text: ` · ${TRIGGERS[ticket.reason] || ticket.reason}` }) : null),
      h('blockquote', { class: 'ticket-message', dir: 'auto', text: ticket.message }),
      ticket.contact
        ? h('p', { class: 'ticket-contact' }, h('strong', { text: 'Contact: ' }), h('span', { dir: 'auto', text: ticket.contact }))
        : h('p', { class: 'muted', text: 'No contact details given: the student will see an answer only if they come back to the chat.' }),
      ticket.closed
        ? h('p', { class: 'muted' }, `Closed${ticket.closedBy ? ` by ${ticket.closedBy}` : ''}${ticket.closedAt ? ` on ${formatDateTime(ticket.closedAt)}` : ''}`,
          ticket.closeNote ? h('span', { dir: 'auto', text: `: ${ticket.closeNote}` }) : null)
        : h('form', { class: 'ticket-close', novalidate: true, onsubmit: (event) => closeTicket(event, ticket) },
          h('label', { for: noteId, text: 'Note (optional, for colleagues)' }),
          h('textarea', { id: noteId, rows: '2' }),
          h('button', { type: 'submit', class: 'secondary small' }, 'Close ticket')));
  }));
  $('tickets-empty').hidden = state.tickets.length > 0;
  $('tickets-empty').textContent = state.includeClosed ? 'No tickets.' : 'No open tickets.';
  updateBadges();
}

async function closeTicket(event, ticket) {
  event.preventDefault();
  const note = event.currentTarget.querySelector('textarea').value.trim();
  const index = state.tickets.indexOf(ticket);
  try {
    if (!(await invoke('CloseTicket', ticket.id, note || null))) throw new Error('it is gone or outside your teams');
  } catch (error) {
    announce(`The ticket was not closed: ${reasonOf(error)}`);
    return;
  }
  await loadTickets();
  announce(`Ticket #${ticket.id} closed.`);
  const headings = $('ticket-list').querySelectorAll('h3');
  (headings[Math.min(index, headings.length - 1)] || $('tickets-closed')).focus();
}

$('tickets-closed').addEventListener('change', (event) => {
  state.includeClosed = event.currentTarget.checked;
  loadTickets();
});
$('tickets-refresh').addEventListener('click', loadTickets);
window.setInterval(loadTickets, TICKETS_REFRESH_MS);

// ---------------------------------------------------------------- views and keyboard

const viewTabs = [$('tab-live'), $('tab-tickets')];

function showView(tab, focus) {
  for (const each of viewTabs) {
    const selected = each === tab;
    each.setAttribute('aria-selected', selected ? 'true' : 'false');
    each.tabIndex = selected ? 0 : -1;
    $(each.getAttribute('aria-controls')).hidden = !selected;
  }
  if (tab.id === 'tab-tickets') loadTickets();
  else $('transcript').scrollTop = $('transcript').scrollHeight;
  if (focus) tab.focus();
}

viewTabs.forEach((tab, index) => {
  tab.addEventListener('click', () => showView(tab, false));
  tab.addEventListener('keydown', (event) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: viewTabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    showView(viewTabs[(next + viewTabs.length) % viewTabs.length], true);
  });
});

function showLive() {
  if ($('view-live').hidden) showView($('tab-live'), false);
}

document.addEventListener('keydown', (event) => {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
  const actions = {
    KeyQ: () => { showLive(); ($('queue-list').querySelector('button.accept:not(:disabled)') || $('queue-heading')).focus(); },
    KeyA: () => { showLive(); $('queue-list').querySelector('button.accept:not(:disabled)')?.click(); },
    KeyM: () => { showLive(); if (activeConversation()) message.focus(); },
    KeyN: () => { showLive(); if (activeConversation()) $('note').focus(); },
    KeyC: () => { showLive(); ($('canned-list').querySelector('button.canned-insert:not(:disabled)') || $('canned-language')).focus(); },
    KeyT: () => { showLive(); openTransfer(); },
    KeyE: () => { showLive(); $('end-open').click(); },
    ArrowDown: () => { showLive(); selectBy(1); },
    ArrowUp: () => { showLive(); selectBy(-1); },
    Digit1: () => showView($('tab-live'), true),
    Digit2: () => showView($('tab-tickets'), true),
  };
  const action = actions[event.code];
  if (!action) return;
  event.preventDefault();
  action();
});

$('canned-focus').addEventListener('click', () => ($('canned-list').querySelector('button.canned-insert:not(:disabled)') || $('canned-language')).focus());

// Waiting times tick; typing indicators fade.
window.setInterval(() => {
  for (const time of document.querySelectorAll('time[data-since]')) time.textContent = formatWait(time.dataset.since);
}, 1000);

document.addEventListener('visibilitychange', () => {
  const conversation = activeConversation();
  if (!document.hidden && conversation && conversation.unread) {
    conversation.unread = 0;
    renderMine();
  }
});

window.addEventListener('beforeunload', () => {
  const conversation = activeConversation();
  if (conversation) saveDraft(conversation.key, message.value);
});

// Exposed for tests and for the curious: what the console holds, read-only.
window.kokkaAdvisor = { state, connection };

start();
