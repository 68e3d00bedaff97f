// Keeps the header clock (Ministry time, Asia/Novokuznetsk, UTC+7) ticking without a reload.
(function () {
    const el = document.getElementById('otklik-clock');
    if (!el) return;
    const serverNow = Number(el.dataset.now);
    const offset = Number.isFinite(serverNow) ? serverNow - Date.now() : 0;
    const fmt = new Intl.DateTimeFormat('ru-RU', {
        timeZone: 'Asia/Novokuznetsk', day: '2-digit', month: '2-digit', year: 'numeric',
        hour: '2-digit', minute: '2-digit'
    });
    const tick = () => { el.textContent = fmt.format(new Date(Date.now() + offset)).replace(',', ''); };
    tick();
    setInterval(tick, 15000);
})();

// Flash messages («Сохранено», «Направлено исполнителю») fade away after a few seconds; warnings and errors stay.
(function () {
    const FADE_AFTER_MS = 6000;
    document.querySelectorAll('.alert.flash').forEach(function (flash) {
        setTimeout(function () {
            flash.classList.add('flash-fading');
            setTimeout(function () { flash.remove(); }, 600);
        }, FADE_AFTER_MS);
    });
})();

// A page shown again after a refused form (a warning, what was typed kept) carries its own address: the address bar
// shows /posts/9, not the form's /posts/9/route, so a reload or a bookmark opens the page and sends nothing again.
(function () {
    const main = document.getElementById('main');
    const address = main && main.dataset.address;
    if (address && window.location.pathname !== address && window.history.replaceState) {
        window.history.replaceState(null, '', address);
    }
})();

// Live pages (issue 17): the layout's body holds the stream (/live, htmx's SSE extension). A hand-off arrives as a
// toast; the person may also allow browser notifications and a short sound for urgent hand-offs (a clock under 30
// minutes), both chosen on the notifications settings page and kept in this browser. When the stream fails for good,
// htmx opens a new one: it then says the last notification seen, so nothing in between is lost.
(function () {
    if (!window.htmx) return;
    const DESKTOP = 'otklik.live.desktop';
    const SOUND = 'otklik.live.sound';
    let lastSeen = null;
    let audio = null;

    const makeSource = htmx.createEventSource;
    htmx.createEventSource = function (url) {
        if (lastSeen !== null) {
            const address = new URL(url, window.location.href);
            address.searchParams.set('since', lastSeen);
            address.searchParams.set('resumed', 'true');
            url = address.pathname + address.search;
        }
        return makeSource ? makeSource(url) : new EventSource(url, { withCredentials: true });
    };

    function beep() {
        try {
            audio = audio || new (window.AudioContext || window.webkitAudioContext)();
            const tone = audio.createOscillator();
            const volume = audio.createGain();
            tone.frequency.value = 880;
            volume.gain.setValueAtTime(0.15, audio.currentTime);
            volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
            tone.connect(volume).connect(audio.destination);
            tone.start();
            tone.stop(audio.currentTime + 0.4);
        } catch (e) { /* no sound in this browser */ }
    }

    function announce(toast) {
        if (toast.dataset.shown) return;
        // the same notification twice (caught up and sent live at once): one toast
        if (document.querySelector('#live-toasts .live-toast[data-shown][data-handoff="' + toast.dataset.handoff + '"]')) {
            toast.remove();
            return;
        }
        toast.dataset.shown = 'true';
        if (window.bootstrap) bootstrap.Toast.getOrCreateInstance(toast).show();
        const text = toast.querySelector('.live-toast-text');
        const link = toast.dataset.link;
        if (localStorage.getItem(DESKTOP) === 'on' && 'Notification' in window
                && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
            const note = new Notification('Отклик', { body: text ? text.textContent : '', tag: 'otklik-' + toast.dataset.handoff });
            note.onclick = function () { window.focus(); if (link) window.location.href = link; };
        }
        if (toast.dataset.urgent === 'true' && localStorage.getItem(SOUND) === 'on') beep();
    }

    // the stream's state on the body (open, or lost while htmx reconnects), for styles and tests
    document.addEventListener('htmx:sseOpen', function () { document.body.dataset.live = 'open'; });
    document.addEventListener('htmx:sseError', function () { document.body.dataset.live = 'lost'; });

    document.addEventListener('htmx:sseMessage', function (evt) {
        const message = evt.detail;
        if (message && message.lastEventId) lastSeen = message.lastEventId;
        if (message && message.type === 'handoff') {
            document.querySelectorAll('#live-toasts .live-toast:not([data-shown])').forEach(announce);
            // a toast that was closed leaves the page, so the container does not grow without end
            document.querySelectorAll('#live-toasts .live-toast.hide').forEach(function (old) { old.remove(); });
        }
        if (message && message.type === 'clocks') {
            const changed = String(message.data || '');
            const all = changed === '*';
            const posts = new Set(changed.split(','));
            document.querySelectorAll('[data-live-posts]').forEach(function (el) {
                if (all || el.dataset.livePosts.split(',').some(function (id) { return posts.has(id); })) {
                    htmx.trigger(el, 'live-clocks');
                }
            });
        }
    });

    // The notifications settings page: opting in to browser notifications and to the sound, for this browser.
    const desktop = document.getElementById('live-desktop');
    const sound = document.getElementById('live-sound');
    const state = document.getElementById('live-desktop-state');
    function showState() {
        if (!state) return;
        if (!('Notification' in window)) { state.textContent = state.dataset.unsupported; return; }
        state.textContent = Notification.permission === 'denied' ? state.dataset.denied
            : (localStorage.getItem(DESKTOP) === 'on' && Notification.permission === 'granted' ? state.dataset.on : state.dataset.off);
    }
    if (desktop) {
        desktop.checked = localStorage.getItem(DESKTOP) === 'on' && 'Notification' in window && Notification.permission === 'granted';
        desktop.addEventListener('change', function () {
            if (!desktop.checked) { localStorage.setItem(DESKTOP, 'off'); showState(); return; }
            if (!('Notification' in window)) { desktop.checked = false; showState(); return; }
            Notification.requestPermission().then(function (answer) {
                desktop.checked = answer === 'granted';
                localStorage.setItem(DESKTOP, desktop.checked ? 'on' : 'off');
                showState();
            });
        });
        showState();
    }
    if (sound) {
        sound.checked = localStorage.getItem(SOUND) === 'on';
        sound.addEventListener('change', function () {
            localStorage.setItem(SOUND, sound.checked ? 'on' : 'off');
            if (sound.checked) beep(); // the click lets the browser play sound, and the person hears what it is
        });
    }
})();
