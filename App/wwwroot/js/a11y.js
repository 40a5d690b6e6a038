// Moves the focus to the first element matching the selector, making it focusable when it is not
// (a heading), without scrolling past what a sighted person expects to see first.
export function focusFirst(selector) {
    const element = document.querySelector(selector);
    if (!element) {
        return;
    }

    if (!element.hasAttribute('tabindex')) {
        element.setAttribute('tabindex', '-1');
    }

    element.focus({ preventScroll: false });
}

// The skip link: Blazor's router takes a click on an in-page link as a navigation and scrolls, but
// leaves the focus where it was, so the next Tab would land back in the menu. Handled here, before
// the router sees it (capture phase), the focus moves to the main content itself.
if (!window.hsdSkipLinkReady) {
    window.hsdSkipLinkReady = true;
    document.addEventListener('click', event => {
        const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
        const target = link && document.getElementById(link.hash.slice(1));
        if (!target) {
            return;
        }

        event.preventDefault();
        event.stopPropagation();
        target.focus();
        target.scrollIntoView();
    }, true);
}
