// Keeps an idea being written in this browser tab, so that a reload or a lost connection loses nothing. Text fields are saved
// from the page itself on every keystroke (that works while the server is unreachable); choices are saved by the server.
// Session storage is per tab: two tabs write two ideas, each with its own submission key, and neither overwrites the other.
const prefix = "ac.idea-draft.";
const watched = new Map();

function read(key) {
    try {
        return JSON.parse(sessionStorage.getItem(prefix + key) ?? "null");
    } catch {
        return null;
    }
}

function write(key, draft) {
    try {
        sessionStorage.setItem(prefix + key, JSON.stringify(draft));
    } catch {
        // Storage full or disabled: the draft simply is not kept.
    }
}

export function load(key) {
    return read(key);
}

export function setField(key, name, value) {
    const draft = read(key) ?? {};
    draft[name] = value;
    write(key, draft);
}

export function watch(form, key) {
    unwatch(key);
    const save = event => {
        const name = event.target?.dataset?.draft;
        if (name) {
            setField(key, name, event.target.value);
        }
    };
    // Whatever was typed before the page got here is kept too.
    form.querySelectorAll("[data-draft]").forEach(field => {
        if (field.value) {
            setField(key, field.dataset.draft, field.value);
        }
    });
    form.addEventListener("input", save);
    form.dataset.draftKept = "true";
    watched.set(key, () => {
        form.removeEventListener("input", save);
        delete form.dataset.draftKept;
    });
}

export function unwatch(key) {
    watched.get(key)?.();
    watched.delete(key);
}

export function forget(key) {
    unwatch(key);
    sessionStorage.removeItem(prefix + key);
}
