// The import page: refuses a file over the size limit before uploading it, with the page's own message.
(function () {
    const input = document.getElementById('file');
    if (!input) return;
    const max = Number(input.dataset.maxBytes);
    input.addEventListener('change', function () {
        const tooLarge = input.files.length > 0 && input.files[0].size > max;
        input.classList.toggle('is-invalid', tooLarge);
        input.setCustomValidity(tooLarge ? document.getElementById('file-too-large').textContent : '');
    });
})();
