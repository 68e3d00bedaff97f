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
