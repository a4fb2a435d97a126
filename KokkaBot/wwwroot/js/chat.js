// KokkaBot's web chat page: Microsoft's Web Chat on our own Direct Line endpoint.
// The page never sees the Direct Line secret: it trades for a short-lived token at /api/webchat/token.
(() => {
  'use strict';

  const PAGE_TEXTS = {
    en: {
      tagline: 'Your guide in Southeast Finland',
      language: 'Language',
      connecting: 'Connecting…',
      chatLabel: 'Chat with KokkaBot',
      unavailable: 'KokkaBot is not available right now. Please try again in a moment.',
      retry: 'Try again',
    },
    fi: {
      tagline: 'Oppaasi Kaakkois-Suomessa',
      language: 'Kieli',
      connecting: 'Yhdistetään…',
      chatLabel: 'Keskustele KokkaBotin kanssa',
      unavailable: 'KokkaBot ei ole juuri nyt käytettävissä. Yritä hetken päästä uudelleen.',
      retry: 'Yritä uudelleen',
    },
    sv: {
      tagline: 'Din guide i Sydöstra Finland',
      language: 'Språk',
      connecting: 'Ansluter…',
      chatLabel: 'Chatta med KokkaBot',
      unavailable: 'KokkaBot är inte tillgänglig just nu. Försök igen om en stund.',
      retry: 'Försök igen',
    },
    ru: {
      tagline: 'Ваш помощник в Юго-Восточной Финляндии',
      language: 'Язык',
      connecting: 'Подключение…',
      chatLabel: 'Чат с KokkaBot',
      unavailable: 'KokkaBot сейчас недоступен. Попробуйте ещё раз чуть позже.',
      retry: 'Попробовать снова',
    },
    uk: {
      tagline: 'Ваш помічник у Південно-Східній Фінляндії',
      language: 'Мова',
      connecting: 'Підключення…',
      chatLabel: 'Чат із KokkaBot',
      unavailable: 'KokkaBot зараз недоступний. Спробуйте ще раз трохи пізніше.',
      retry: 'Спробувати ще раз',
    },
    ar: {
      tagline: 'دليلك في جنوب شرق فنلندا',
      language: 'اللغة',
      connecting: 'جارٍ الاتصال…',
      chatLabel: 'محادثة مع KokkaBot',
      unavailable: 'KokkaBot غير متاح الآن. حاول مرة أخرى بعد قليل.',
      retry: 'حاول مرة أخرى',
    },
  };
  // Web Chat's own strings (send box, notifications) follow these locales; ar-SA has Web Chat's
  // fullest Arabic strings. The bot reads only the language part ("ar-SA" → ar).
  const WEB_CHAT_LOCALES = { en: 'en-US', fi: 'fi-FI', sv: 'sv-SE', ru: 'ru-RU', uk: 'uk-UA', ar: 'ar-SA' };
  const RIGHT_TO_LEFT = new Set(['ar']);
  const SET_LANGUAGE_EVENT = 'kokka/setLanguage';

  const USER_KEY = 'kokkabot.userKey';          // localStorage: the same student next week keeps their profile
  const LANGUAGE_KEY = 'kokkabot.language';     // localStorage: the language they picked
  const CONVERSATION_KEY = 'kokkabot.conversation'; // sessionStorage: a reload continues this tab's conversation

  const chat = document.getElementById('chat');
  const picker = document.getElementById('language-picker');

  const styleOptions = {
    accent: '#0b5d7a',
    backgroundColor: '#ffffff',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
    botAvatarImage: 'img/kokkabot.svg',
    botAvatarInitials: 'KB',
    bubbleBackground: '#eef4f7',
    bubbleBorderColor: '#d3e1e8',
    bubbleBorderRadius: 12,
    bubbleTextColor: '#1b262c',
    bubbleFromUserBackground: '#0b5d7a',
    bubbleFromUserBorderColor: '#0b5d7a',
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMinHeight: 40,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b5d7a',
    suggestedActionBorderRadius: 20,
    suggestedActionBorderWidth: 2,
    suggestedActionTextColor: '#0b5d7a',
    suggestedActionHeight: 44,
    sendBoxButtonColor: '#0b5d7a',
    sendBoxHeight: 52,
    hideUploadButton: true,
    timestampColor: '#50606a',
  };

  function initialLanguage() {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved && PAGE_TEXTS[saved]) return saved;
    for (const tag of navigator.languages || [navigator.language || 'en']) {
      const code = String(tag).split('-')[0].toLowerCase();
      if (PAGE_TEXTS[code]) return code;
    }
    return 'en';
  }

  function direction(language) {
    return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  }

  function applyPageLanguage(language) {
    const texts = PAGE_TEXTS[language] || PAGE_TEXTS.en;
    document.documentElement.lang = language;
    document.documentElement.dir = direction(language);
    for (const element of document.querySelectorAll('[data-text]')) {
      element.textContent = texts[element.dataset.text];
    }
    for (const element of document.querySelectorAll('[data-text-aria]')) {
      element.setAttribute('aria-label', texts[element.dataset.textAria]);
    }
    picker.value = language;
  }

  function showUnavailable(language) {
    const texts = PAGE_TEXTS[language] || PAGE_TEXTS.en;
    chat.replaceChildren();
    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'alert');
    status.textContent = texts.unavailable;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = texts.retry;
    retry.addEventListener('click', () => start(language));
    status.append(retry);
    chat.append(status);
    retry.focus();
  }

  async function fetchToken(language) {
    let resume = null;
    try {
      resume = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) || 'null');
    } catch {
      resume = null;
    }
    const response = await fetch('api/webchat/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userKey: localStorage.getItem(USER_KEY), resume, locale: WEB_CHAT_LOCALES[language] }),
    });
    if (!response.ok) throw new Error(`token request failed: HTTP ${response.status}`);
    const token = await response.json();
    localStorage.setItem(USER_KEY, token.userKey);
    sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify({ conversationId: token.conversationId, token: token.token }));
    return token;
  }

  let session = null;

  function render(language) {
    window.WebChat.renderWebChat(
      {
        directLine: session.directLine,
        store: session.store,
        locale: WEB_CHAT_LOCALES[language] || 'en-US',
        // Said outright rather than left to the locale ('auto'), so the page and Web Chat always agree.
        dir: direction(language),
        // An advisor who has taken over sees when the student is typing.
        sendTypingIndicator: true,
        styleOptions,
      },
      chat,
    );
  }

  async function start(language) {
    applyPageLanguage(language);
    chat.replaceChildren();
    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('role', 'status');
    status.textContent = (PAGE_TEXTS[language] || PAGE_TEXTS.en).connecting;
    chat.append(status);

    let token;
    try {
      token = await fetchToken(language);
    } catch (error) {
      console.error(error);
      showUnavailable(language);
      return;
    }

    const domain = new URL('v3/directline', document.baseURI).href.replace(/\/$/, '');
    const directLine = window.WebChat.createDirectLine(token.resumed
      ? { domain, token: token.token, conversationId: token.conversationId, webSocket: true }
      : { domain, token: token.token, webSocket: true, conversationStartProperties: { locale: WEB_CHAT_LOCALES[language] } });
    const store = window.WebChat.createStore({});
    session = { directLine, store };
    chat.replaceChildren();
    render(language);
  }

  picker.addEventListener('change', () => {
    const language = picker.value;
    localStorage.setItem(LANGUAGE_KEY, language);
    applyPageLanguage(language);
    if (!session) return;
    render(language);
    // Tell the bot too: it answers in the new language from the question it is asking now.
    session.store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: SET_LANGUAGE_EVENT, value: language } });
  });

  if (!window.WebChat) {
    showUnavailable(initialLanguage());
    return;
  }
  start(initialLanguage());
})();
