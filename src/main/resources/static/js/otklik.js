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
