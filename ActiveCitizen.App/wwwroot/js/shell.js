// The shell's controls work in the browser alone, so that they work the same in pages whose shell runs in a circuit and in pages
// rendered on the server around an interactive island (the idea page). Listeners sit on the document: the circuit replaces the
// prerendered shell when it starts, and enhanced navigation replaces pages, but the document stays. The reader's choices live on the
// html element, which no circuit renders, and in cookies, from which the server writes them there for every page (App.razor):
// enhanced navigation copies the next page's html attributes, so the cookie and the attribute are always set together.

const root = document.documentElement;
const aYear = 60 * 60 * 24 * 365;

function remember(name, value) {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${aYear}; samesite=lax`;
}

function showExpanded() {
    for (const button of document.querySelectorAll('[data-shell-toggle=wide]')) {
        button.setAttribute('aria-expanded', root.dataset.wideNav === 'closed' ? 'false' : 'true');
    }
    for (const button of document.querySelectorAll('[data-shell-toggle=narrow]')) {
        button.setAttribute('aria-expanded', root.dataset.narrowNav === 'open' ? 'true' : 'false');
    }
}

// On wide screens the drawer sits beside the page until the reader puts it away, and that choice is kept for the next pages.
function toggleWideNav() {
    root.dataset.wideNav = root.dataset.wideNav === 'closed' ? 'open' : 'closed';
    remember('ac.nav', root.dataset.wideNav);
    showExpanded();
}

// On narrow screens the drawer covers the page, so it is open only when asked for, until the reader leaves it.
function setNarrowNav(open) {
    if ((root.dataset.narrowNav === 'open') === open) {
        return;
    }
    if (open) {
        root.dataset.narrowNav = 'open';
    } else {
        delete root.dataset.narrowNav;
    }
    showExpanded();
}

async function chooseTheme(button) {
    const theme = button.dataset.themeChoice;
    root.dataset.theme = theme;
    remember('ac.theme', theme);
    // The switch used is hidden now; the one that replaces it keeps the keyboard's focus.
    const switchBack = button.parentElement.querySelector(`[data-theme-choice]:not([data-theme-choice="${theme}"])`);
    if (document.activeElement === button && switchBack) {
        switchBack.focus();
    }
    const form = button.closest('form');
    if (form?.dataset.savesToAccount !== 'true') {
        return;
    }
    // The page already switched and the cookie remembers it on this device; the account carries it to the reader's others.
    const choice = new FormData(form);
    choice.set('theme', theme);
    try {
        // A sign-in that has ended is answered with a redirect to the sign-in page: not followed, so that it is not taken for success.
        const response = await fetch(form.action, { method: 'POST', body: choice, credentials: 'same-origin', redirect: 'manual' });
        if (!response.ok) {
            console.warn(`The theme was not stored on the account (HTTP ${response.status}).`);
        }
    } catch (error) {
        console.warn('The theme was not stored on the account.', error);
    }
}

function openAccountMenu() {
    return document.querySelector('[data-shell-toggle=user-menu][aria-expanded=true]');
}

function closeAccountMenu() {
    openAccountMenu()?.setAttribute('aria-expanded', 'false');
}

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) {
        return;
    }
    const toggle = target.closest('[data-shell-toggle]');
    // A click elsewhere closes the account menu, and so does following one of its entries: the router keeps the layout, and the menu.
    if ((!target.closest('.user-menu__panel') || target.closest('.user-menu__panel a, .user-menu__panel button'))
        && toggle?.dataset.shellToggle !== 'user-menu') {
        closeAccountMenu();
    }
    if (toggle) {
        switch (toggle.dataset.shellToggle) {
            case 'wide':
                toggleWideNav();
                break;
            case 'narrow':
                setNarrowNav(root.dataset.narrowNav !== 'open');
                break;
            case 'user-menu':
                toggle.setAttribute('aria-expanded', toggle.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
                break;
        }
        return;
    }
    if (target.closest('.app-shell__scrim') || target.closest('#main-navigation a')) {
        setNarrowNav(false);
        return;
    }
    const themeChoice = target.closest('[data-theme-choice]');
    if (themeChoice) {
        chooseTheme(themeChoice);
    }
});

document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') {
        return;
    }
    const accountMenu = openAccountMenu();
    if (accountMenu) {
        accountMenu.setAttribute('aria-expanded', 'false');
        accountMenu.focus();
    }
    setNarrowNav(false);
});

// Going back or forward leaves the page the covering drawer was opened over.
window.addEventListener('popstate', () => setNarrowNav(false));
