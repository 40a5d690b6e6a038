// Moves the focus to the first element matching the selector, making it focusable when it is not
// (a heading), without scrolling past what a sighted person expects to see first. When the element
// is not there yet (the render that marks a field invalid can arrive just after this call), it is
// awaited for a moment rather than the focus silently left where it was.
export function focusFirst(selector, waitMs = 2000) {
    const focus = element => {
        if (!element.hasAttribute('tabindex') && element.tabIndex < 0) {
            element.setAttribute('tabindex', '-1');
        }

        element.focus({ preventScroll: false });
    };

    const found = document.querySelector(selector);
    if (found) {
        focus(found);
        return;
    }

    const observer = new MutationObserver(() => {
        const element = document.querySelector(selector);
        if (element) {
            observer.disconnect();
            clearTimeout(timer);
            focus(element);
        }
    });
    const timer = setTimeout(() => observer.disconnect(), waitMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-invalid'] });
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
