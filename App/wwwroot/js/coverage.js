// The heatmap's cells are plain buttons written by the server in one piece per row (thousands of
// them: one Blazor handler each would cost more than the page). One listener here, in the capture
// phase, tells the page which cell was pressed (mouse, Enter or Space alike: they are buttons).
let page = null;

if (!window.hsdCoverageReady) {
    window.hsdCoverageReady = true;
    document.addEventListener('click', event => {
        const cell = event.target instanceof Element ? event.target.closest("button[data-agency]") : null;
        if (!cell || !page) {
            return;
        }

        event.preventDefault();
        page.invokeMethodAsync('OpenCell', Number(cell.dataset.agency), cell.dataset.code);
    }, true);
}

export function register(dotnet) {
    page = dotnet;
}

export function unregister(dotnet) {
    if (page === dotnet) {
        page = null;
    }
}
