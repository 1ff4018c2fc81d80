// The moderation console's keyboard shortcuts. Keys typed into a field are the moderator's text, not commands.
export function listen(dotNet, keys) {
    const handler = event => {
        const target = event.target;
        // Text fields take keys; checkboxes and buttons do not, so the shortcuts keep working after ticking an item.
        const typing = target instanceof HTMLElement && (target.isContentEditable ||
            target.matches("textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])"));
        if (typing || event.ctrlKey || event.metaKey || event.altKey || !keys.includes(event.key)) {
            return;
        }
        if (document.querySelector(".mud-dialog-container")) {
            return;
        }
        event.preventDefault();
        dotNet.invokeMethodAsync("OnShortcutAsync", event.key);
    };
    document.addEventListener("keydown", handler);
    return { stop: () => document.removeEventListener("keydown", handler) };
}

// Brings the selected queue item into view as the moderator moves through the queue with the keyboard.
export function reveal(elementId) {
    document.getElementById(elementId)?.scrollIntoView({ block: "nearest" });
}
