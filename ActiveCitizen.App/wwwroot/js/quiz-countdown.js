// The countdown a player sees. It only shows time: the server decides when a question is over (it measured when it served it).
// The remaining time comes from the server as a duration, so a wrong clock on the resident's device does not matter.
export function start(element, leftMs, totalMs, tenSecondsText, timeUpText) {
    stop(element);
    const endsAt = performance.now() + leftMs;
    const bar = element.querySelector('[data-countdown-bar]');
    const text = element.querySelector('[data-countdown-text]');
    const announce = element.querySelector('[data-countdown-announce]');
    let warned = leftMs <= 10000;
    const tick = () => {
        const left = Math.max(0, endsAt - performance.now());
        text.textContent = (left / 1000).toFixed(left < 10000 ? 1 : 0);
        bar.style.width = `${Math.min(100, (left / totalMs) * 100)}%`;
        element.classList.toggle('quiz-countdown--low', left < 5000);
        if (!warned && left <= 10000) {
            warned = true;
            announce.textContent = tenSecondsText;
        }
        if (left <= 0) {
            announce.textContent = timeUpText;
            stop(element);
        }
    };
    tick();
    element._quizCountdown = setInterval(tick, 100);
}

export function stop(element) {
    if (element && element._quizCountdown) {
        clearInterval(element._quizCountdown);
        element._quizCountdown = undefined;
    }
}
