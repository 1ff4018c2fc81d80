// Loads the next page of threads as the reader nears the end of the list, so a discussion of thousands of comments opens with
// its first page and grows while scrolling. The "show more" button under the list stays for keyboards and screen readers.
export function watchEnd(sentinel, dotNet) {
    let loading = false;
    const observer = new IntersectionObserver(async entries => {
        if (loading || !entries.some(entry => entry.isIntersecting)) {
            return;
        }
        loading = true;
        try {
            const more = await dotNet.invokeMethodAsync("LoadMoreAsync");
            if (more) {
                // Observing afresh reports the sentinel again if the new page was too short to push it out of view.
                observer.unobserve(sentinel);
                observer.observe(sentinel);
            }
        } catch {
            // The circuit went away; the button still works once it is back.
        } finally {
            loading = false;
        }
    }, { rootMargin: "800px 0px" });
    observer.observe(sentinel);
    return { stop: () => observer.disconnect() };
}

// Brings a comment a link pointed to (from a notification) into view once its thread is on the page.
export function reveal(elementId) {
    document.getElementById(elementId)?.scrollIntoView({ block: "center" });
}
